package org.her2feeds.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.her2feeds.tagging.StoryCandidates;
import org.her2feeds.tagging.StoryLinks;
import org.her2feeds.tagging.StoryProfile;

/**
 * Finds the parts of a story's members that link among themselves, comparing only the pairs the candidate index
 * ({@link StoryCandidates}) offers, each at most once: comparing every pair made a story of 2,000 members (a big
 * news day) cost two million comparisons when one member left it. The parts must be those of comparing every
 * pair, so every pair the rules could link is offered: each member is looked up with all the others in the index,
 * so that a pair is offered when either side finds the other (the index's approximation, an article that quoted a
 * title before that title's article arrived, is found from the quoting side), and a quoted title is also looked for
 * by its inner words, since the index finds a quote only where it starts and ends on whole words ("breast cancer"
 * quoted within "breast cancers" links too).
 */
final class LinkedParts {

    private final StoryLinks links;
    /** Whether two profiles link, the earlier first (as the rules are asked when all pairs are compared). */
    private final BiPredicate<StoryProfile, StoryProfile> linked;

    LinkedParts(StoryLinks links) {
        this(links, (earlier, later) -> links.link(earlier, later).isPresent());
    }

    /** With another test of a link: a test counts the comparisons through it. */
    LinkedParts(StoryLinks links, BiPredicate<StoryProfile, StoryProfile> linked) {
        this.links = links;
        this.linked = linked;
    }

    /**
     * The members in groups that link among themselves (directly or through other members of the group).
     *
     * @param ordered the members in order of appearance
     * @return the groups, each in that order, the group of the earliest member first
     */
    <T> List<List<T>> of(List<T> ordered, Function<T, StoryProfile> profileOf) {
        int n = ordered.size();
        List<StoryProfile> profiles = new ArrayList<>(n);
        StoryCandidates<Integer> candidates = links.candidates();
        for (int i = 0; i < n; i++) {
            StoryProfile profile = profileOf.apply(ordered.get(i));
            profiles.add(profile);
            candidates.add(i, profile);
        }
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        Map<String, List<Integer>> byTextWord = byTextWord(profiles);
        Set<Long> compared = new HashSet<>();
        for (int i = 0; i < n; i++) {
            List<Integer> offered = new ArrayList<>(candidates.of(profiles.get(i)));
            offered.addAll(mayQuote(profiles, i, byTextWord));
            for (int j : offered) {
                int earlier = Math.min(i, j);
                int later = Math.max(i, j);
                if (earlier == later
                        || root(parent, earlier) == root(parent, later)
                        || !compared.add((long) earlier * n + later)) {
                    continue;
                }
                if (linked.test(profiles.get(earlier), profiles.get(later))) {
                    parent[root(parent, later)] = root(parent, earlier);
                }
            }
        }
        Map<Integer, List<T>> byRoot = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            byRoot.computeIfAbsent(root(parent, i), k -> new ArrayList<>()).add(ordered.get(i));
        }
        return List.copyOf(byRoot.values());
    }

    /** Each word of the members' texts, and the members whose text has it. */
    private static Map<String, List<Integer>> byTextWord(List<StoryProfile> profiles) {
        Map<String, List<Integer>> members = new HashMap<>();
        for (int i = 0; i < profiles.size(); i++) {
            for (String word :
                    new HashSet<>(Arrays.asList(profiles.get(i).textKey().split(" ")))) {
                members.computeIfAbsent(word, k -> new ArrayList<>()).add(i);
            }
        }
        return members;
    }

    /**
     * The members whose text may quote this member's title: a quote may start or end within a word of the text,
     * but the title's inner words stand whole in it, the rarest of them among the fewest members.
     */
    private static List<Integer> mayQuote(List<StoryProfile> profiles, int titled, Map<String, List<Integer>> byWord) {
        String title = profiles.get(titled).titleKey();
        if (title.isEmpty()) {
            return List.of();
        }
        String[] words = title.split(" ");
        if (words.length < 3) {
            // No inner word to look for: any text may hold so short a title.
            return IntStream.range(0, profiles.size()).boxed().toList();
        }
        List<Integer> fewest = null;
        for (int w = 1; w < words.length - 1; w++) {
            List<Integer> holders = byWord.getOrDefault(words[w], List.of());
            if (fewest == null || holders.size() < fewest.size()) {
                fewest = holders;
            }
        }
        return fewest;
    }

    private static int root(int[] parent, int i) {
        int r = i;
        while (parent[r] != r) {
            // Halving the path keeps a long chain of members from being walked again at every comparison.
            parent[r] = parent[parent[r]];
            r = parent[r];
        }
        return r;
    }
}
