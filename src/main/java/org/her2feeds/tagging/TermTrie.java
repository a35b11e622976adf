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

    private record Edge(String text, Join join) {}

    private static final class Node<P> {
        final Map<Edge, Node<P>> exact = new HashMap<>();
        final List<Map.Entry<TermPattern.Step, Node<P>>> prefixes = new ArrayList<>();
        /**
         * The same prefix edges by their first character: the root holds every "word*" term, and testing each
         * of them against every token of every text was the matcher's largest cost.
         */
        final Map<Character, List<Map.Entry<TermPattern.Step, Node<P>>>> prefixesByFirst = new HashMap<>();

        final List<P> payloads = new ArrayList<>();

        List<Map.Entry<TermPattern.Step, Node<P>>> prefixesFor(String text) {
            if (prefixes.isEmpty()) {
                return List.of();
            }
            List<Map.Entry<TermPattern.Step, Node<P>>> candidates =
                    text.isEmpty() ? null : prefixesByFirst.get(text.charAt(0));
            List<Map.Entry<TermPattern.Step, Node<P>>> any = prefixesByFirst.get(ANY);
            if (any == null) {
                return candidates == null ? List.of() : candidates;
            }
            List<Map.Entry<TermPattern.Step, Node<P>>> all = new ArrayList<>(any);
            if (candidates != null) {
                all.addAll(candidates);
            }
            return all;
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
                    node.prefixes.add(edge);
                    Character first = step.text().isEmpty() ? ANY : step.text().charAt(0);
                    node.prefixesByFirst
                            .computeIfAbsent(first, c -> new ArrayList<>())
                            .add(edge);
                }
                node = next;
            } else {
                node = node.exact.computeIfAbsent(new Edge(step.text(), join), e -> new Node<>());
            }
        }
        node.payloads.add(payload);
    }

    /** Every pattern that matches the tokens starting at {@code from}. */
    List<Match<P>> matchesAt(List<Token> tokens, int from) {
        List<Match<P>> found = new ArrayList<>();
        walk(root, tokens, from, 0, found);
        return found;
    }

    private void walk(Node<P> node, List<Token> tokens, int from, int depth, List<Match<P>> found) {
        for (P payload : node.payloads) {
            found.add(new Match<>(payload, depth));
        }
        int index = from + depth;
        if (index >= tokens.size()) {
            return;
        }
        Token token = tokens.get(index);
        Join actual = depth == 0 ? Join.SPACE : token.joinBefore();
        for (Join required : acceptingJoins(actual, depth == 0)) {
            Node<P> next = node.exact.get(new Edge(token.text(), required));
            if (next != null) {
                walk(next, tokens, from, depth + 1, found);
            }
        }
        for (Map.Entry<TermPattern.Step, Node<P>> entry : node.prefixesFor(token.text())) {
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
