package org.her2feeds.tagging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The articles an arriving one could be linked to, found through what {@link StoryLinks#link} needs two articles
 * to share (an identifier, a trial, a decision's drug, figures, enough distinctive words), so that grouping
 * compares each arriving article with a few candidates instead of every article of the window: comparing with all
 * of them made storing a large feed quadratic (10,000 items took minutes). Only the window's articles are given
 * to it; the window and every other condition are still {@link StoryLinks#link}'s to decide.
 *
 * <p>A title quoted by an article that arrives later is found exactly (a hash of each run of the arriving text's
 * words as long as a stored title). One approximation the other way: an article that quoted a title before that
 * title's article arrived is found by having at least two of its distinctive words, and every one, among its own
 * words (read from the start of its text); a quote deep in a long full text, or of a title with fewer than two
 * distinctive words, is not found unless the two share something else.
 *
 * @param <T> what the caller names its articles by
 */
public final class StoryCandidates<T> {

    private record Entry<T>(int order, T id, StoryProfile profile) {}

    /** Fewest shared words by which two articles without a shared identifier, trial or decision can link. */
    private final int fewestWords;

    private static final long RUN_BASE = 1_000_003L;
    private static final long SECONDS_A_DAY = 86_400L;

    private final Map<String, List<Entry<T>>> byKey = new HashMap<>();
    private final List<Entry<T>> entries = new ArrayList<>();
    private final Map<String, List<Entry<T>>> byTitleWord = new HashMap<>();
    private final Map<String, List<Entry<T>>> byWord = new HashMap<>();
    /** Stored titles by the hash of their words, and how many words long they are. */
    private final Map<Long, List<Entry<T>>> byTitleHash = new HashMap<>();

    private final Set<Integer> titleLengths = new TreeSet<>();
    /** Notices' words: two notices link by the words of their whole texts, not only of their titles. */
    private final Map<String, List<Entry<T>>> byNoticeWord = new HashMap<>();

    /** How many days apart a journal's comment and its paper may appear (0: comments are not looked for). */
    private final int nearDays;

    /** The types that comment on an event: a comment's paper is an article of another type. */
    private final Set<String> coverageTypes;

    /** Articles by their source, their day and whether they comment: a comment is looked for beside its paper. */
    private final Map<String, List<Entry<T>>> bySourceDay = new HashMap<>();

    StoryCandidates(int fewestWords) {
        this(fewestWords, 0, Set.of());
    }

    StoryCandidates(int fewestWords, int nearDays, Set<String> coverageTypes) {
        this.fewestWords = Math.max(1, fewestWords);
        this.nearDays = nearDays;
        this.coverageTypes = Set.copyOf(coverageTypes);
    }

    /** Whether an index built by these rules finds the same candidates as that one (kept indexes are checked so). */
    public boolean indexesLike(StoryCandidates<?> other) {
        return fewestWords == other.fewestWords;
    }

    /** Makes an article a candidate for those that arrive after it. */
    public void add(T id, StoryProfile profile) {
        Entry<T> entry = new Entry<>(entries.size(), id, profile);
        entries.add(entry);
        for (String key : keys(profile)) {
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
        }
        for (String word : profile.titleWords()) {
            byTitleWord.computeIfAbsent(word, k -> new ArrayList<>()).add(entry);
        }
        if (nearDays > 0 && profile.sourceId() != null) {
            bySourceDay
                    .computeIfAbsent(
                            sourceDay(profile, day(profile), coverageTypes.contains(profile.type())),
                            k -> new ArrayList<>())
                    .add(entry);
        }
        if (!profile.titleKey().isEmpty()) {
            String[] title = profile.titleKey().split(" ");
            titleLengths.add(title.length);
            byTitleHash
                    .computeIfAbsent(runHashes(title, title.length)[0], k -> new ArrayList<>())
                    .add(entry);
        }
        for (String word : profile.words()) {
            byWord.computeIfAbsent(word, k -> new ArrayList<>()).add(entry);
            if (isNotice(profile)) {
                byNoticeWord.computeIfAbsent(word, k -> new ArrayList<>()).add(entry);
            }
        }
    }

    /**
     * Every added article that could be linked to this one (and some that cannot), each once, in the order they
     * were added: the first link found explains a member's place, and must not depend on hashing.
     */
    public List<T> of(StoryProfile profile) {
        Set<Entry<T>> found = Collections.newSetFromMap(new IdentityHashMap<>());
        for (String key : keys(profile)) {
            found.addAll(byKey.getOrDefault(key, List.of()));
        }
        if (nearDays > 0 && profile.sourceId() != null) {
            // A comment beside its paper in one journal (or the paper beside its comment), within days either way.
            boolean comment = coverageTypes.contains(profile.type());
            for (long day = day(profile) - nearDays; day <= day(profile) + nearDays; day++) {
                found.addAll(bySourceDay.getOrDefault(sourceDay(profile, day, !comment), List.of()));
            }
        }
        // Shared words, counted as the rules count them: this one's title words in the other's words, and the
        // other's title words in this one's words. Every word of this title found in the other's words also
        // stands for the other quoting this title. Counted in arrays by the entries' order: a word as common as a
        // source's name in its every title reaches every entry, and must cost no more than an increment each.
        int[] inOther = new int[entries.size()];
        int[] inThis = new int[entries.size()];
        for (String word : profile.titleWords()) {
            for (Entry<T> entry : byWord.getOrDefault(word, List.of())) {
                inOther[entry.order()]++;
            }
        }
        for (String word : profile.words()) {
            for (Entry<T> entry : byTitleWord.getOrDefault(word, List.of())) {
                inThis[entry.order()]++;
            }
        }
        if (isNotice(profile)) {
            for (String word : profile.words()) {
                for (Entry<T> entry : byNoticeWord.getOrDefault(word, List.of())) {
                    inOther[entry.order()]++;
                }
            }
        }
        int titleWords = profile.titleWords().size();
        boolean quotable = !profile.titleKey().isEmpty() && titleWords >= 2;
        for (int i = 0; i < inOther.length; i++) {
            if (inOther[i] + inThis[i] >= fewestWords || (quotable && inOther[i] == titleWords)) {
                found.add(entries.get(i));
            }
        }
        String[] text =
                profile.textKey().isEmpty() ? new String[0] : profile.textKey().split(" ");
        for (int length : titleLengths) {
            for (long hash : runHashes(text, length)) {
                found.addAll(byTitleHash.getOrDefault(hash, List.of()));
            }
        }
        return found.stream()
                .sorted(Comparator.comparingInt(Entry::order))
                .map(Entry::id)
                .toList();
    }

    /** The hash of every run of {@code length} consecutive words, each computed from the previous in constant time. */
    private static long[] runHashes(String[] words, int length) {
        if (length == 0 || words.length < length) {
            return new long[0];
        }
        long power = 1;
        for (int i = 0; i < length; i++) {
            power *= RUN_BASE;
        }
        long[] hashes = new long[words.length - length + 1];
        long hash = 0;
        for (int i = 0; i < words.length; i++) {
            hash = hash * RUN_BASE + words[i].hashCode();
            if (i >= length) {
                hash -= power * words[i - length].hashCode();
            }
            if (i >= length - 1) {
                hashes[i - length + 1] = hash;
            }
        }
        return hashes;
    }

    private static long day(StoryProfile profile) {
        return Math.floorDiv(profile.at().getEpochSecond(), SECONDS_A_DAY);
    }

    private static String sourceDay(StoryProfile profile, long day, boolean comment) {
        return profile.sourceId() + " " + day + (comment ? " comment" : " other");
    }

    private static boolean isNotice(StoryProfile profile) {
        return "notice".equals(profile.event());
    }

    /**
     * Identifiers (pages too), trials, a decision's drugs, figures, a source's drugs: one of them shared is enough
     * for some rule to link (or a first condition of one).
     */
    private static Set<String> keys(StoryProfile profile) {
        Set<String> keys = new LinkedHashSet<>();
        profile.ownIds().forEach(id -> keys.add("id:" + id));
        profile.citedIds().forEach(id -> keys.add("id:" + id));
        profile.trials().forEach(trial -> keys.add("trial:" + trial));
        if ("decision".equals(profile.event())) {
            profile.drugs().forEach(drug -> keys.add("decision:" + drug));
        }
        // Figures are shared by results that report one readout, drugs by a comment and its paper in one journal.
        profile.figures().forEach(figure -> keys.add("figure:" + figure));
        if (profile.sourceId() != null) {
            profile.drugs().forEach(drug -> keys.add("source-drug:" + profile.sourceId() + " " + drug));
        }
        return keys;
    }
}
