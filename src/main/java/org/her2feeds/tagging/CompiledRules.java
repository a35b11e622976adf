package org.her2feeds.tagging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.her2feeds.Sha256;

/**
 * The relevance rule (index 0) and the topics (1..n) compiled into one trie. At each token position the
 * longest pattern of each rule wins; an exception phrase that wins masks the tokens it covers for that rule
 * only, so "trastuzumab deruxtecan" can be an ADC term while hiding "trastuzumab" from the trastuzumab topic.
 */
final class CompiledRules {

    /**
     * Bump when matching semantics change in code, so stored articles are re-tagged even if the file is the same.
     */
    private static final String MATCHER_VERSION = "matcher-3";

    private record Entry(int rule, boolean except, TermPattern pattern) {}

    private final List<Rule> rules;
    private final TermTrie<Entry> trie = new TermTrie<>();
    private final String fingerprint;

    CompiledRules(TopicRulesReader.RuleBook book) {
        this(Stream.concat(Stream.of(book.relevance()), book.topics().stream()).toList());
    }

    /** Any list of rules (publication types, drugs, trials) compiled the same way. */
    CompiledRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        for (int r = 0; r < rules.size(); r++) {
            Rule rule = rules.get(r);
            for (TermPattern term : rule.terms()) {
                trie.add(term, new Entry(r, false, term));
            }
            for (TermPattern except : rule.excepts()) {
                trie.add(except, new Entry(r, true, except));
            }
        }
        this.fingerprint = fingerprintOf(rules);
    }

    List<Rule> rules() {
        return rules;
    }

    String fingerprint() {
        return fingerprint;
    }

    /** A term that matched but was cancelled by a qualifier next to it. */
    record Discounted(String term, String qualifier) {}

    /**
     * What matched, per rule (same indexes as {@link #rules()}): the sources of its terms that counted, in text
     * order (repeats included), and those that a negative qualifier cancelled.
     */
    record Matches(List<List<String>> hits, List<List<Discounted>> discounted) {}

    /** The fields of an article's text, as hits and explanations name them. */
    static final String TITLE = "title";

    static final String SUMMARY = "summary";
    /** The full content a feed gives besides its description. */
    static final String CONTENT = "content";

    static final String CATEGORY = "category";

    /**
     * What matched in each field of the text, per rule (same indexes as {@link #rules()}): the terms that counted
     * with their field, and the relevance rule's (index 0) cancelled terms.
     */
    record FieldHits(List<Set<TermHit>> hits, Set<Discount> discounted) {}

    FieldHits matchFields(TokenisedText text) {
        // A set only for the rules that match: most rules of a rule set match nothing in an article, and a set for
        // each of them, for every rule set and article, was much of what tagging allocated.
        List<Set<TermHit>> hits = new ArrayList<>(Collections.nCopies(rules.size(), Set.of()));
        Set<Discount> discounted = new LinkedHashSet<>();
        collect(text.title(), TITLE, hits, discounted);
        collect(text.summary(), SUMMARY, hits, discounted);
        collect(text.content(), CONTENT, hits, discounted);
        for (List<Token> category : text.categories()) {
            collect(category, CATEGORY, hits, discounted);
        }
        return new FieldHits(hits, discounted);
    }

    private void collect(List<Token> tokens, String field, List<Set<TermHit>> hits, Set<Discount> discounted) {
        if (tokens.isEmpty()) {
            return;
        }
        Matches matched = match(tokens, field.equals(TITLE));
        for (int r = 0; r < matched.hits().size(); r++) {
            List<String> terms = matched.hits().get(r);
            if (terms.isEmpty()) {
                continue;
            }
            Set<TermHit> ruleHits = hits.get(r);
            if (ruleHits.isEmpty()) {
                ruleHits = new LinkedHashSet<>();
                hits.set(r, ruleHits);
            }
            for (String term : terms) {
                ruleHits.add(new TermHit(term, field));
            }
        }
        // Only the first rule's cancelled terms (relevance) are evidence a reader needs; the others' are noise.
        if (!matched.discounted().isEmpty()) {
            for (Discounted d : matched.discounted().get(0)) {
                discounted.add(new Discount(d.term(), field, d.qualifier()));
            }
        }
    }

    Matches match(List<Token> tokens, boolean inTitle) {
        // Lists only for the rules that match, as in matchFields.
        List<List<String>> hits = new ArrayList<>(Collections.nCopies(rules.size(), List.of()));
        List<List<Discounted>> discounted = new ArrayList<>(Collections.nCopies(rules.size(), List.of()));
        int[] nextFree = new int[rules.size()];
        Entry[] best = new Entry[rules.size()];
        int[] bestLength = new int[rules.size()];
        for (int i = 0; i < tokens.size(); i++) {
            List<TermTrie.Match<Entry>> found = trie.matchesAt(tokens, i);
            if (found.isEmpty()) {
                continue;
            }
            Arrays.fill(best, null);
            Arrays.fill(bestLength, 0);
            for (TermTrie.Match<Entry> match : found) {
                int r = match.payload().rule();
                boolean longer = match.length() > bestLength[r];
                boolean exceptOnTie =
                        match.length() == bestLength[r] && match.payload().except();
                if (longer || exceptOnTie) {
                    best[r] = match.payload();
                    bestLength[r] = match.length();
                }
            }
            for (int r = 0; r < rules.size(); r++) {
                if (best[r] == null || i < nextFree[r]) {
                    continue;
                }
                int end = i + bestLength[r];
                nextFree[r] = end;
                if (best[r].except()) {
                    continue;
                }
                Rule rule = rules.get(r);
                TermPattern negation = rule.negationAt(tokens, i, end);
                String descriptor =
                        negation != null ? null : rule.descriptorReason(best[r].pattern(), tokens, i, end, inTitle);
                if (negation == null && descriptor == null) {
                    added(hits, r).add(best[r].pattern().source());
                } else {
                    added(discounted, r)
                            .add(new Discounted(
                                    best[r].pattern().source(), negation != null ? negation.source() : descriptor));
                }
            }
        }
        return new Matches(hits, discounted);
    }

    /** The rule's list, made when the rule first matches. */
    private static <T> List<T> added(List<List<T>> lists, int r) {
        List<T> list = lists.get(r);
        if (list.isEmpty()) {
            list = new ArrayList<>(2);
            lists.set(r, list);
        }
        return list;
    }

    private static String fingerprintOf(List<Rule> rules) {
        StringBuilder canonical = new StringBuilder(MATCHER_VERSION).append('\n');
        for (Rule rule : rules) {
            canonical
                    .append("rule ")
                    .append(rule.slug())
                    .append('|')
                    .append(rule.label())
                    .append('|')
                    .append(rule.description())
                    .append('\n');
            append(canonical, "term", rule.terms());
            append(canonical, "except", rule.excepts());
            append(canonical, "not-followed-by", rule.notFollowedBy());
            append(canonical, "not-preceded-by", rule.notPrecededBy());
            append(
                    canonical,
                    "marker",
                    rule.terms().stream()
                            .filter(t -> rule.markers().contains(t.canonical()))
                            .toList());
            append(canonical, "negated-after", rule.context().negatedAfter());
            append(canonical, "negated-before", rule.context().negatedBefore());
            append(canonical, "subtype-list", rule.context().subtypeList());
        }
        return Sha256.hex(canonical.toString());
    }

    /**
     * Sorted, so that reordering terms (which changes no decision) keeps the fingerprint; the source is kept
     * because it is what explanations show.
     */
    private static void append(StringBuilder canonical, String kind, List<TermPattern> patterns) {
        Stream<String> forms =
                patterns.stream().map(p -> p.canonical() + " = " + p.source()).sorted();
        forms.forEach(form -> canonical.append(kind).append(' ').append(form).append('\n'));
    }
}
