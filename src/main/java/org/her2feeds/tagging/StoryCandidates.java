package org.her2feeds.tagging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
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
 * the quote starts or ends within a word ("breast cancer" quoted within "breast cancers"): see
 * {@link #quotedTitles} and {@link #quotingTexts}.
 *
 * @param <T> what the caller names its articles by
 */
public final class StoryCandidates<T> {

    private record Entry<T>(int order, T id, StoryProfile profile) {}

    /** Fewest shared words by which two articles without a shared identifier, trial or decision can link. */
    private final int fewestWords;

    /**
     * How many first characters of a text's words it is indexed by: a title's inner words stand whole in a text
     * quoting it, and its last word may stand cut, but at least its first three characters are the quoting word's.
     */
    private static final int PREFIX = 3;

    /** The base of the hashes of runs of words, odd so that no word's hash is lost to the overflow. */
    private static final long BASE = 0xC2B2AE3D27D4EB4FL;

    private static final long SECONDS_A_DAY = 86_400L;

    private final Map<String, List<Entry<T>>> byKey = new HashMap<>();
    private final List<Entry<T>> entries = new ArrayList<>();
    private final Map<String, List<Entry<T>>> byTitleWord = new HashMap<>();
    private final Map<String, List<Entry<T>>> byWord = new HashMap<>();
    /**
     * Stored texts by the first {@link #PREFIX} characters of their words: the entries' orders, not their lists of
     * entries, as every member of a window has a few hundred of them. Prefixes rather than words, so that a title
     * is looked up by its last word too, whichever word of the text it is cut from: a series of titles that differ
     * only in their last word ("big study 1" to "big study 10000") is told apart by it. Measured with 20,000
     * members of 4,000-character texts made of the tuning sets' texts, the whole index took 1.40 KB a member: 0.26
     * KB when texts were not indexed, 1.36 KB when they were indexed by the anchors of their runs of words.
     */
    private final Map<Integer, Orders> byTextPrefix = new HashMap<>();
    /** Stored titles by the hash of their inner words and their last word: see {@link #quotedTitles}. */
    private final Map<Long, Orders> byQuote = new HashMap<>();
    /** The hashes of stored titles' inner words: a text's run of words is looked up further only when one has it. */
    private final Set<Long> titleInners = new HashSet<>();
    /** How many inner words stored titles have: a text's runs of words are hashed at these lengths only. */
    private final BitSet innerLengths = new BitSet();
    /** Stored titles without an inner word (the rules make none so short): offered to every text. */
    private final Orders shortTitles = new Orders();
    /** How many times a stored title or text was checked for the quote itself: what a lookup costs. */
    long exactChecks;
    /** Notices' words: two notices link by the words of their whole texts, not only of their titles. */
    private final Map<String, List<Entry<T>>> byNoticeWord = new HashMap<>();

    /** How many days apart a journal's comment and its paper may appear (0: comments are not looked for). */
    private final int nearDays;

    /** The types that comment on an event: a comment's paper is an article of another type. */
    private final Set<String> coverageTypes;

    /** Articles by their source, their day and whether they comment: a comment is looked for beside its paper. */
    private final Map<String, List<Entry<T>>> bySourceDay = new HashMap<>();

    /**
     * Journals' papers by the names of their journal ({@link StoryLinks#venuesAsPaper}) and their day, and articles
     * by the journals their text says papers appeared in and their day: news naming a paper's journal is looked for
     * beside it. Each looks only among the other, within days: a journal's every paper under its name, looked up by its
     * other papers, made storing a journal's big feed quadratic.
     */
    private final Map<String, List<Entry<T>>> papersByVenueDay = new HashMap<>();

    private final Map<String, List<Entry<T>>> namingByVenueDay = new HashMap<>();

    /**
     * Results by each drug they name and their day: lay news that names a readout's drug with its maker or its site,
     * but no trial and few of its words, is looked for among the readouts of its days only.
     */
    private final Map<String, List<Entry<T>>> resultsByDrugDay = new HashMap<>();

    /** Results by the words their titles open with (a company's name) and their day: news of a company's readout. */
    private final Map<String, List<Entry<T>>> resultsByOpeningDay = new HashMap<>();

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

    /**
     * An article's text and title split into words, once: an arriving article is looked up ({@link #of(Split)}) and
     * then added ({@link #add(Object, Split)}) with the same words.
     */
    public static final class Split {

        private final StoryProfile profile;
        private final String[] text;
        private final String[] title;

        private Split(StoryProfile profile) {
            this.profile = profile;
            this.text = words(profile.textKey());
            this.title = words(profile.titleKey());
        }
    }

    /** The article's words, to look it up and then add it without splitting its text again. */
    public static Split split(StoryProfile profile) {
        return new Split(profile);
    }

    /** Makes an article a candidate for those that arrive after it. */
    public void add(T id, StoryProfile profile) {
        add(id, split(profile));
    }

    /** Makes an article a candidate for those that arrive after it, by its words already split. */
    public void add(T id, Split split) {
        StoryProfile profile = split.profile;
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
        if (nearDays > 0) {
            for (String venue : StoryLinks.venuesAsPaper(profile)) {
                papersByVenueDay
                        .computeIfAbsent(venue + " " + day(profile), k -> new ArrayList<>())
                        .add(entry);
            }
            for (String venue : profile.venues()) {
                namingByVenueDay
                        .computeIfAbsent(venue + " " + day(profile), k -> new ArrayList<>())
                        .add(entry);
            }
            if (StoryLinks.RESULT.equals(profile.event())) {
                for (String drug : profile.drugs()) {
                    resultsByDrugDay
                            .computeIfAbsent(drug + " " + day(profile), k -> new ArrayList<>())
                            .add(entry);
                }
                String opening = StoryLinks.opening(profile);
                if (opening != null) {
                    resultsByOpeningDay
                            .computeIfAbsent(opening + " " + day(profile), k -> new ArrayList<>())
                            .add(entry);
                }
            }
        }
        for (int prefix : prefixes(split.text)) {
            byTextPrefix.computeIfAbsent(prefix, k -> new Orders()).add(entry.order());
        }
        String[] title = split.title;
        if (title.length > 0 && title.length < 3) {
            shortTitles.add(entry.order());
        } else if (title.length > 0) {
            long inner = run(runHashes(title), 1, title.length - 1, power(title.length - 2));
            titleInners.add(inner);
            innerLengths.set(title.length - 2);
            byQuote.computeIfAbsent(quoteKey(inner, title[title.length - 1].hashCode()), k -> new Orders())
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
        return of(split(profile));
    }

    /** {@link #of(StoryProfile)}, by the article's words already split. */
    public List<T> of(Split split) {
        StoryProfile profile = split.profile;
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
        if (nearDays > 0) {
            // A paper and the news that names its journal, within days either way.
            Set<String> asPaper = StoryLinks.venuesAsPaper(profile);
            for (long day = day(profile) - nearDays; day <= day(profile) + nearDays; day++) {
                for (String venue : profile.venues()) {
                    papersByVenueDay.getOrDefault(venue + " " + day, List.of()).forEach(e -> found.set(e.order()));
                }
                for (String venue : asPaper) {
                    namingByVenueDay.getOrDefault(venue + " " + day, List.of()).forEach(e -> found.set(e.order()));
                }
                if (StoryLinks.RESULT.equals(profile.event())) {
                    // A readout and lay news of it, within days either way.
                    for (String drug : profile.drugs()) {
                        resultsByDrugDay
                                .getOrDefault(drug + " " + day, List.of())
                                .forEach(e -> found.set(e.order()));
                    }
                    String opening = StoryLinks.opening(profile);
                    if (opening != null) {
                        resultsByOpeningDay
                                .getOrDefault(opening + " " + day, List.of())
                                .forEach(e -> found.set(e.order()));
                    }
                }
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
        // Titles this text quotes, and texts that quote this title.
        String[] text = split.text;
        quotedTitles(text, found);
        if (text.length > 0) {
            shortTitles.setIn(found);
        }
        String[] title = split.title;
        if (title.length > 0 && title.length < 3) {
            found.set(0, entries.size());
        } else if (title.length > 0) {
            quotingTexts(profile.titleKey(), title, found);
        }
        return found.stream().mapToObj(i -> entries.get(i).id()).toList();
    }

    /**
     * The results added that name one of this article's drugs, within near-days of it by their day (the caller
     * measures the days exactly): what a link depending on the other readouts of a drug's days reads.
     */
    List<StoryProfile> resultsNear(StoryProfile profile) {
        BitSet found = new BitSet(entries.size());
        for (long day = day(profile) - nearDays; day <= day(profile) + nearDays; day++) {
            for (String drug : profile.drugs()) {
                resultsByDrugDay.getOrDefault(drug + " " + day, List.of()).forEach(e -> found.set(e.order()));
            }
        }
        return found.stream().mapToObj(i -> entries.get(i).profile()).toList();
    }

    /** The results added whose titles open with the words this one's opens with, within near-days by their day. */
    List<StoryProfile> resultsOpeningNear(StoryProfile profile) {
        String opening = StoryLinks.opening(profile);
        BitSet found = new BitSet(entries.size());
        for (long day = day(profile) - nearDays; opening != null && day <= day(profile) + nearDays; day++) {
            resultsByOpeningDay.getOrDefault(opening + " " + day, List.of()).forEach(e -> found.set(e.order()));
        }
        return found.stream().mapToObj(i -> entries.get(i).profile()).toList();
    }

    /**
     * Marks the stored titles a text quotes, exactly as the rules find a quote: a text word ending with the title's
     * first word, its inner words in a row, then a text word starting with its last word. Each run of the text's
     * words as long as some title's inner words is hashed (rolling, from the hashes of the text's beginnings), and
     * only where a title has those inner words are the prefixes of the next word looked up with them: a title is
     * checked word by word only when its inner words' hash and its last word are the text's.
     */
    private void quotedTitles(String[] text, BitSet found) {
        if (titleInners.isEmpty()) {
            return;
        }
        long[] runs = runHashes(text);
        for (int length = innerLengths.nextSetBit(0); length >= 0; length = innerLengths.nextSetBit(length + 1)) {
            long power = power(length);
            for (int start = 1; start + length < text.length; start++) {
                long inner = run(runs, start, start + length, power);
                if (!titleInners.contains(inner)) {
                    continue;
                }
                String next = text[start + length];
                int prefix = 0;
                for (int c = 0; c < next.length(); c++) {
                    prefix = 31 * prefix + next.charAt(c);
                    Orders titles = byQuote.getOrDefault(quoteKey(inner, prefix), Orders.NONE);
                    for (int i = 0; i < titles.size; i++) {
                        int order = titles.orders[i];
                        if (quotesAt(
                                text, start, words(entries.get(order).profile().titleKey()))) {
                            found.set(order);
                        }
                    }
                }
            }
        }
    }

    /** Whether a text quotes a title with its inner words from {@code start} on (hashes may have collided). */
    private boolean quotesAt(String[] text, int start, String[] title) {
        exactChecks++;
        int last = title.length - 1;
        if (start + last - 1 >= text.length
                || !text[start - 1].endsWith(title[0])
                || !text[start + last - 1].startsWith(title[last])) {
            return false;
        }
        for (int i = 1; i < last; i++) {
            if (!text[start + i - 1].equals(title[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Marks the stored texts that quote a title: among the texts having the prefixes of its inner words and of its
     * last word (a last word shorter than a prefix is left out: a text's longer word starting with it has another),
     * those of the fewest texts are checked for the others, and then for the quote itself.
     */
    private void quotingTexts(String titleKey, String[] title, BitSet found) {
        int[] prefixes = prefixes(Arrays.copyOfRange(
                title, 1, title.length - (title[title.length - 1].length() < PREFIX ? 1 : 0)));
        Orders fewest = null;
        for (int prefix : prefixes) {
            Orders texts = byTextPrefix.getOrDefault(prefix, Orders.NONE);
            if (fewest == null || texts.size < fewest.size) {
                fewest = texts;
            }
        }
        for (int i = 0; i < fewest.size; i++) {
            int order = fewest.orders[i];
            if (Arrays.stream(prefixes)
                    .allMatch(p -> byTextPrefix.getOrDefault(p, Orders.NONE).has(order))) {
                exactChecks++;
                if (entries.get(order).profile().textKey().contains(titleKey)) {
                    found.set(order);
                }
            }
        }
    }

    /** The hashes of a key's words' first {@link #PREFIX} characters (whole words if shorter), each once. */
    private static int[] prefixes(String[] words) {
        int[] prefixes = new int[words.length];
        for (int w = 0; w < words.length; w++) {
            int prefix = 0;
            for (int c = 0; c < Math.min(PREFIX, words[w].length()); c++) {
                prefix = 31 * prefix + words[w].charAt(c);
            }
            prefixes[w] = prefix;
        }
        return Arrays.stream(prefixes).sorted().distinct().toArray();
    }

    /**
     * The hashes of a key's beginnings: the one of its first {@code n} words at {@code n}, so that the words from
     * {@code i} to {@code j} hash to {@code runs[j] - runs[i] * BASE^(j - i)} whatever precedes them. Wrapping
     * around as longs, as the hashes are only compared.
     */
    private static long[] runHashes(String[] words) {
        long[] runs = new long[words.length + 1];
        for (int w = 0; w < words.length; w++) {
            long word = words[w].hashCode() * 0x9E3779B97F4A7C15L;
            runs[w + 1] = runs[w] * BASE + (word ^ (word >>> 29));
        }
        return runs;
    }

    /** The hash of the words from {@code from} to {@code to}, given {@code BASE^(to - from)}. */
    private static long run(long[] runs, int from, int to, long power) {
        return runs[to] - runs[from] * power;
    }

    private static long power(int exponent) {
        long power = 1;
        for (int i = 0; i < exponent; i++) {
            power *= BASE;
        }
        return power;
    }

    private static long quoteKey(long inner, int lastWord) {
        return inner * 0x9E3779B97F4A7C15L + lastWord;
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
        return StoryLinks.NOTICE.equals(profile.event());
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
        if (StoryLinks.DECISION.equals(profile.event())
                || StoryLinks.FILING.equals(profile.event())
                || StoryLinks.OPINION.equals(profile.event())) {
            profile.drugs().forEach(drug -> keys.add(profile.event() + ":" + drug));
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
            // An entry's prefixes are added together: one it already has is the last one.
            if (size > 0 && orders[size - 1] == order) {
                return;
            }
            if (size == orders.length) {
                // By a quarter rather than doubled: orders are most of what a member costs, and doubled arrays
                // leave about a quarter of their room unused (each order is copied about four times, not once).
                orders = Arrays.copyOf(orders, size + size / 4 + 2);
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
