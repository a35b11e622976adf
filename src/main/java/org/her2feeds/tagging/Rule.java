package org.her2feeds.tagging;

import java.util.List;
import java.util.Set;

/**
 * One compiled rule: the relevance rule or a topic. A rule matches where one of its terms matches, unless a
 * longer {@code except} phrase covers the same place, or the term is directly followed or preceded by a
 * negating qualifier.
 */
record Rule(
        String slug,
        String label,
        String description,
        List<TermPattern> terms,
        List<TermPattern> excepts,
        List<TermPattern> notFollowedBy,
        List<TermPattern> notPrecededBy,
        Set<String> markers,
        DescriptorContext context) {

    Rule {
        markers = Set.copyOf(markers);
        terms = List.copyOf(terms);
        excepts = List.copyOf(excepts);
        notFollowedBy = List.copyOf(notFollowedBy);
        notPrecededBy = List.copyOf(notPrecededBy);
    }

    /**
     * The qualifier that cancels a match of this rule's term over tokens [start, end), or null when none does.
     * A qualifier counts directly after the term, after a bracketed gloss that follows it ("human epidermal
     * growth factor receptor 2 (HER2)-negative"), after the brackets the term stands in ("(HER2; also known
     * as ERBB2)-negative"), or directly before the term.
     */
    TermPattern negationAt(List<Token> tokens, int start, int end) {
        TermPattern after = qualifierAt(notFollowedBy, tokens, end);
        if (after == null) {
            after = qualifierAt(
                    notFollowedBy,
                    tokens,
                    afterBrackets(tokens, end, tokens.get(end - 1).depth()));
        }
        if (after == null && tokens.get(start).depth() > 0) {
            after = qualifierAt(
                    notFollowedBy,
                    tokens,
                    afterBrackets(tokens, end, tokens.get(start).depth() - 1));
        }
        if (after != null) {
            return after;
        }
        if (start > 0 && tokens.get(start).joinBefore() != Join.BREAK) {
            for (TermPattern qualifier : notPrecededBy) {
                if (qualifier.matchesAt(tokens, start - qualifier.length())) {
                    return qualifier;
                }
            }
        }
        return null;
    }

    private static TermPattern qualifierAt(List<TermPattern> qualifiers, List<Token> tokens, int at) {
        if (at < 0 || at >= tokens.size() || tokens.get(at).joinBefore() == Join.BREAK) {
            return null;
        }
        for (TermPattern qualifier : qualifiers) {
            if (qualifier.matchesAt(tokens, at)) {
                return qualifier;
            }
        }
        return null;
    }

    /**
     * The first token after the bracketed tokens that start at {@code from} and stand deeper than {@code depth};
     * -1 when no bracket opens there, or it is not closed within a short gloss.
     */
    private static int afterBrackets(List<Token> tokens, int from, int depth) {
        if (from >= tokens.size() || tokens.get(from).depth() <= depth) {
            return -1;
        }
        int limit = Math.min(tokens.size(), from + GLOSS_TOKENS);
        for (int k = from; k < limit; k++) {
            if (tokens.get(k).depth() <= depth) {
                return k;
            }
        }
        return -1;
    }

    /** Longest bracketed gloss looked past: "(HER2; also known as ERBB2)" is six tokens. */
    private static final int GLOSS_TOKENS = 12;

    /**
     * Why a match of {@code term} over [start, end) that no qualifier cancelled still only describes a population
     * (see {@link DescriptorContext}); null when it names the subject. Only the rule's own markers are judged so:
     * a HER2 drug named as an exclusion criterion still concerns HER2.
     */
    String descriptorReason(TermPattern term, List<Token> tokens, int start, int end, boolean inTitle) {
        if (context.isEmpty() || !markers.contains(term.canonical())) {
            return null;
        }
        return context.reason(tokens, start, end, inTitle);
    }

    TopicDefinition definition() {
        return new TopicDefinition(slug, label, description);
    }
}
