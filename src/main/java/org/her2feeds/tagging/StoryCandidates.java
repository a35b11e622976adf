package org.her2feeds.tagging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The articles an arriving one could be linked to, found through what {@link StoryLinks#link} needs two articles
 * to share (an identifier, a trial, a decision's drug, figures, enough distinctive words), so that grouping
 * compares each arriving article with a few candidates instead of every article of the window: comparing with all
 * of them made storing a large feed quadratic (10,000 items took minutes). Only the window's articles are given
 * to it; the window and every other condition are still {@link StoryLinks#link}'s to decide.
 *
 * <p>A quoted title is found whichever of the two arrives first, anywhere in the text the rules read and even when
 * the quote starts or ends within a word ("breast cancer" quoted within "breast cancers"): see {@link #anchors}.
 *
 * @param <T> what the caller names its articles by
 */
public final class StoryCandidates<T> {

    private record Entry<T>(int order, T id, StoryProfile profile) {}

    /** Fewest shared words by which two articles without a shared identifier, trial or decision can link. */
    private final int fewestWords;

    /**
     * How many consecutive words a quote is found by: the inner words of the shortest title the rules look for
     * quoted (its first and last word may stand cut within a longer word of the quoting text).
     */
    private static final int RUN = StoryLinks.QUOTED_TITLE_WORDS - 2;

    private static final long SECONDS_A_DAY = 86_400L;

    private final Map<String, List<Entry<T>>> byKey = new HashMap<>();
    private final List<Entry<T>> entries = new ArrayList<>();
    private final Map<String, List<Entry<T>>> byTitleWord = new HashMap<>();
    private final Map<String, List<Entry<T>>> byWord = new HashMap<>();
    /**
     * Stored texts by their anchors: the entries' orders, not their lists of entries, as every member of a window
     * has a few hundred of them.
     */
    private final Map<Integer, Orders> byTextAnchor = new HashMap<>();
    /** Stored titles by one anchor of their inner words, the one fewest stored texts had when it was added. */
    private final Map<Integer, Orders> byTitleAnchor = new HashMap<>();
    /** Stored titles too short to have a run of inner words (the rules make none): offered to every text. */
    private final Orders shortTitles = new Orders();
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
        for (int anchor : anchors(words(profile.textKey()), 0)) {
            byTextAnchor.computeIfAbsent(anchor, k -> new Orders()).add(entry.order());
        }
        String[] title = words(profile.titleKey());
        if (title.length > 0 && title.length < RUN + 2) {
            shortTitles.add(entry.order());
        } else if (title.length > 0) {
            byTitleAnchor
                    .computeIfAbsent(rarest(anchors(title, 1)), k -> new Orders())
                    .add(entry.order());
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
        BitSet found = new BitSet(entries.size());
        for (String key : keys(profile)) {
            byKey.getOrDefault(key, List.of()).forEach(entry -> found.set(entry.order()));
        }
        if (nearDays > 0 && profile.sourceId() != null) {
            // A comment beside its paper in one journal (or the paper beside its comment), within days either way.
            boolean comment = coverageTypes.contains(profile.type());
            for (long day = day(profile) - nearDays; day <= day(profile) + nearDays; day++) {
                bySourceDay
                        .getOrDefault(sourceDay(profile, day, !comment), List.of())
                        .forEach(entry -> found.set(entry.order()));
            }
        }
        // Shared words, counted as the rules count them: this one's title words in the other's words, and the
        // other's title words in this one's words. Counted in arrays by the entries' order: a word as common as a
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
        for (int i = 0; i < inOther.length; i++) {
            if (inOther[i] + inThis[i] >= fewestWords) {
                found.set(i);
            }
        }
        // Titles this text may quote, and texts that may quote this title.
        String[] text = words(profile.textKey());
        int[] textAnchors = anchors(text, 0);
        for (int anchor : textAnchors) {
            Orders titles = byTitleAnchor.getOrDefault(anchor, Orders.NONE);
            for (int i = 0; i < titles.size; i++) {
                int order = titles.orders[i];
                // One anchor in common is often a word as common as "trastuzumab": a quote holds all of them, and
                // the title's inner words in a row (the text is searched only for titles whose anchors all match).
                String[] stored = words(entries.get(order).profile().titleKey());
                if (Arrays.stream(anchors(stored, 1)).allMatch(a -> Arrays.binarySearch(textAnchors, a) >= 0)
                        && holdsInnerWords(profile.textKey(), stored)) {
                    found.set(order);
                }
            }
        }
        if (text.length > 0) {
            shortTitles.setIn(found);
        }
        String[] title = words(profile.titleKey());
        if (title.length > 0 && title.length < RUN + 2) {
            found.set(0, entries.size());
        } else if (title.length > 0) {
            int[] titleAnchors = anchors(title, 1);
            Orders texts = byTextAnchor.getOrDefault(rarest(titleAnchors), Orders.NONE);
            for (int i = 0; i < texts.size; i++) {
                int order = texts.orders[i];
                if (Arrays.stream(titleAnchors)
                                .allMatch(a -> byTextAnchor
                                        .getOrDefault(a, Orders.NONE)
                                        .has(order))
                        && holdsInnerWords(entries.get(order).profile().textKey(), title)) {
                    found.set(order);
                }
            }
        }
        return found.stream().mapToObj(i -> entries.get(i).id()).toList();
    }

    /**
     * The anchors of a key's words, from {@code from} on, leaving out as many at the end: of each run of {@link #RUN}
     * consecutive words, the longest (ties by hash), by its hash. A title quoted in a text, even cut within its first
     * and last word, holds its inner words whole and in a row, so the text has every anchor of the title's inner
     * words (a title is read with {@code from} 1, a text with 0). One word of each run rather than every word keeps
     * the index of a window's texts small: 4,000 characters of abstracts have about 310 distinct words and 170
     * anchors. The longest word rather than any, so that a title is rarely looked up by a word as common as "with".
     */
    private static int[] anchors(String[] words, int from) {
        int to = words.length - from;
        if (to - from < RUN) {
            return new int[0];
        }
        int[] anchors = new int[to - from - RUN + 1];
        for (int start = from; start + RUN <= to; start++) {
            String longest = words[start];
            for (int i = start + 1; i < start + RUN; i++) {
                if (words[i].length() > longest.length()
                        || (words[i].length() == longest.length() && words[i].hashCode() < longest.hashCode())) {
                    longest = words[i];
                }
            }
            anchors[start - from] = longest.hashCode();
        }
        return Arrays.stream(anchors).sorted().distinct().toArray();
    }

    /** Of a title's anchors, the one fewest stored texts have (any of them finds every text quoting it). */
    private int rarest(int[] anchors) {
        int rarest = anchors[0];
        for (int anchor : anchors) {
            if (byTextAnchor.getOrDefault(anchor, Orders.NONE).size
                    < byTextAnchor.getOrDefault(rarest, Orders.NONE).size) {
                rarest = anchor;
            }
        }
        return rarest;
    }

    /** Whether a text holds a title's words but its first and last, in a row: what any quote of it holds. */
    private static boolean holdsInnerWords(String textKey, String[] title) {
        return textKey.contains(" " + String.join(" ", Arrays.asList(title).subList(1, title.length - 1)) + " ");
    }

    private static String[] words(String key) {
        return key.isEmpty() ? new String[0] : key.split(" ");
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

    /**
     * Entries' orders, ascending as entries are added, in a growing array: an index of a window's texts holds a
     * few hundred per member.
     */
    private static final class Orders {

        static final Orders NONE = new Orders();

        private int[] orders = new int[2];
        private int size;

        void add(int order) {
            // An entry's anchors are added together: one it already has is the last one.
            if (size > 0 && orders[size - 1] == order) {
                return;
            }
            if (size == orders.length) {
                orders = Arrays.copyOf(orders, size * 2);
            }
            orders[size++] = order;
        }

        boolean has(int order) {
            return Arrays.binarySearch(orders, 0, size, order) >= 0;
        }

        void setIn(BitSet found) {
            for (int i = 0; i < size; i++) {
                found.set(orders[i]);
            }
        }
    }
}
