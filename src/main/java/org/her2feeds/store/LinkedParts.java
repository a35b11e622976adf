package org.her2feeds.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.her2feeds.tagging.StoryCandidates;
import org.her2feeds.tagging.StoryLinks;
import org.her2feeds.tagging.StoryProfile;

/**
 * Finds the parts of a story's members that link among themselves, comparing only the pairs the candidate index
 * ({@link StoryCandidates}) offers, each at most once: comparing every pair made a story of 2,000 members (a big
 * news day) cost two million comparisons when one member left it. The parts must be those of comparing every
 * pair, so every pair the rules could link is offered: each member is looked up with all the others in the index,
 * so that a pair is offered when either side finds the other.
 */
final class LinkedParts {

    /** Whether two profiles link, the earlier first, given the part's members (all of them known by then). */
    private interface Linked {
        boolean test(StoryProfile earlier, StoryProfile later, StoryCandidates<?> known);
    }

    private final StoryLinks links;

    private final Linked linked;

    LinkedParts(StoryLinks links) {
        this.links = links;
        this.linked =
                (earlier, later, known) -> links.link(earlier, later, known).isPresent();
    }

    /** With another test of a link: a test counts the comparisons through it. */
    LinkedParts(StoryLinks links, BiPredicate<StoryProfile, StoryProfile> linked) {
        this.links = links;
        this.linked = (earlier, later, known) -> linked.test(earlier, later);
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
        Set<Long> compared = new HashSet<>();
        for (int i = 0; i < n; i++) {
            for (int j : candidates.of(profiles.get(i))) {
                int earlier = Math.min(i, j);
                int later = Math.max(i, j);
                if (earlier == later
                        || root(parent, earlier) == root(parent, later)
                        || !compared.add((long) earlier * n + later)) {
                    continue;
                }
                if (linked.test(profiles.get(earlier), profiles.get(later), candidates)) {
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
