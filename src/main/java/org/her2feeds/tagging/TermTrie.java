package org.her2feeds.tagging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All patterns of all rules in one token trie, so that matching costs one walk per text position whatever
 * the number of terms, instead of one regular expression per term.
 *
 * @param <P> what a pattern stands for (which rule, term or exception)
 */
final class TermTrie<P> {

    private static final class Node<P> {
        /**
         * Exact edges by their token's text, then by the join the pattern asks before it ({@link Join#ordinal}):
         * looked up once per token with the text's cached hash, where a key of text and join was made and hashed for
         * every join the token's own accepts, at every position of every text for every rule set.
         */
        final Map<String, Node<P>[]> exact = new HashMap<>();

        final List<Map.Entry<TermPattern.Step, Node<P>>> prefixes = new ArrayList<>();
        /**
         * The same prefix edges by their first character: the root holds every "word*" term, and testing each
         * of them against every token of every text was the matcher's largest cost.
         */
        final Map<Character, List<Map.Entry<TermPattern.Step, Node<P>>>> prefixesByFirst = new HashMap<>();

        /**
         * For each first character, the prefix edges a token starting with it tries: those with an empty text (which
         * every token starts with), then those starting with the character, in the order they were added. Kept up to
         * date by {@link #addPrefix}, so that a lookup copies nothing: joining the two lists at every token of every
         * text for every rule set was the trie's largest cost.
         */
        final Map<Character, List<Map.Entry<TermPattern.Step, Node<P>>>> prefixesWithAny = new HashMap<>();

        final List<P> payloads = new ArrayList<>();

        void addPrefix(Character first, Map.Entry<TermPattern.Step, Node<P>> edge) {
            prefixes.add(edge);
            prefixesByFirst.computeIfAbsent(first, c -> new ArrayList<>()).add(edge);
            for (Character key : prefixesByFirst.keySet()) {
                if (!key.equals(ANY) && (first.equals(ANY) || key.equals(first))) {
                    List<Map.Entry<TermPattern.Step, Node<P>>> joined = new ArrayList<>(anyPrefixes());
                    joined.addAll(prefixesByFirst.get(key));
                    prefixesWithAny.put(key, List.copyOf(joined));
                }
            }
        }

        private List<Map.Entry<TermPattern.Step, Node<P>>> anyPrefixes() {
            return prefixesByFirst.getOrDefault(ANY, List.of());
        }

        List<Map.Entry<TermPattern.Step, Node<P>>> prefixesFor(String text) {
            if (prefixes.isEmpty()) {
                return List.of();
            }
            List<Map.Entry<TermPattern.Step, Node<P>>> joined =
                    text.isEmpty() ? null : prefixesWithAny.get(text.charAt(0));
            return joined != null ? joined : anyPrefixes();
        }
    }

    /** Key of prefix edges with an empty text, which every token starts with. */
    private static final Character ANY = '\uFFFF';

    /** A pattern found at a position: its payload and how many tokens it covers. */
    record Match<P>(P payload, int length) {}

    private final Node<P> root = new Node<>();

    void add(TermPattern pattern, P payload) {
        Node<P> node = root;
        for (int k = 0; k < pattern.steps().size(); k++) {
            TermPattern.Step step = pattern.steps().get(k);
            Join join = k == 0 ? Join.SPACE : step.join();
            if (step.prefix()) {
                Node<P> next = null;
                for (Map.Entry<TermPattern.Step, Node<P>> entry : node.prefixes) {
                    if (entry.getKey().text().equals(step.text())
                            && entry.getKey().join() == join) {
                        next = entry.getValue();
                    }
                }
                if (next == null) {
                    next = new Node<>();
                    Map.Entry<TermPattern.Step, Node<P>> edge =
                            Map.entry(new TermPattern.Step(step.text(), true, join), next);
                    node.addPrefix(step.text().isEmpty() ? ANY : step.text().charAt(0), edge);
                }
                node = next;
            } else {
                Node<P>[] byJoin = node.exact.computeIfAbsent(step.text(), text -> newByJoin());
                if (byJoin[join.ordinal()] == null) {
                    byJoin[join.ordinal()] = new Node<>();
                }
                node = byJoin[join.ordinal()];
            }
        }
        node.payloads.add(payload);
    }

    @SuppressWarnings("unchecked")
    private static <P> Node<P>[] newByJoin() {
        return (Node<P>[]) new Node<?>[Join.values().length];
    }

    /** Every pattern that matches the tokens starting at {@code from}. */
    List<Match<P>> matchesAt(List<Token> tokens, int from) {
        List<Match<P>> found = new ArrayList<>();
        walk(root, tokens, from, 0, found);
        return found;
    }

    // Indexed loops, not iterators: this runs at every token of every text for every rule set, and its
    // iterators were the largest part of what tagging allocated.
    private void walk(Node<P> node, List<Token> tokens, int from, int depth, List<Match<P>> found) {
        for (int p = 0; p < node.payloads.size(); p++) {
            found.add(new Match<>(node.payloads.get(p), depth));
        }
        int index = from + depth;
        if (index >= tokens.size()) {
            return;
        }
        Token token = tokens.get(index);
        Join actual = depth == 0 ? Join.SPACE : token.joinBefore();
        Node<P>[] byJoin = node.exact.get(token.text());
        if (byJoin != null) {
            List<Join> accepting = acceptingJoins(actual, depth == 0);
            for (int j = 0; j < accepting.size(); j++) {
                Node<P> next = byJoin[accepting.get(j).ordinal()];
                if (next != null) {
                    walk(next, tokens, from, depth + 1, found);
                }
            }
        }
        List<Map.Entry<TermPattern.Step, Node<P>>> prefixes = node.prefixesFor(token.text());
        for (int e = 0; e < prefixes.size(); e++) {
            Map.Entry<TermPattern.Step, Node<P>> entry = prefixes.get(e);
            TermPattern.Step step = entry.getKey();
            if ((depth == 0 || step.joinAccepts(actual)) && token.text().startsWith(step.text())) {
                walk(entry.getValue(), tokens, from, depth + 1, found);
            }
        }
    }

    private static final List<Join> FIRST = List.of(Join.SPACE);
    private static final List<Join> AFTER_TIGHT = List.of(Join.SPACE, Join.TIGHT);
    private static final List<Join> AFTER_NONE = List.of(Join.SPACE, Join.NONE);
    private static final List<Join> NOTHING = List.of();

    /** The pattern joins that accept a join seen in the text. */
    private static List<Join> acceptingJoins(Join actual, boolean first) {
        if (first) {
            return FIRST;
        }
        return switch (actual) {
            case TIGHT -> AFTER_TIGHT;
            case NONE -> AFTER_NONE;
            case SPACE -> FIRST;
            case BREAK -> NOTHING;
        };
    }
}
