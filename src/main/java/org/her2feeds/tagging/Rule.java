package org.her2feeds.tagging;

import java.util.List;

/**
 * One compiled rule: the relevance rule or a topic. A rule matches where one of its terms matches, unless a
 * longer {@code except} phrase covers the same place, or the term is directly followed or preceded by a
 * negating qualifier.
 */
record Rule(String slug, String label, String description, List<TermPattern> terms, List<TermPattern> excepts,
            List<TermPattern> notFollowedBy, List<TermPattern> notPrecededBy) {

    Rule {
        terms = List.copyOf(terms);
        excepts = List.copyOf(excepts);
        notFollowedBy = List.copyOf(notFollowedBy);
        notPrecededBy = List.copyOf(notPrecededBy);
    }

    /** Whether a match of this rule's term over tokens [start, end) is cancelled by a qualifier next to it. */
    boolean negatedAt(List<Token> tokens, int start, int end) {
        if (end < tokens.size() && tokens.get(end).joinBefore() != Join.BREAK) {
            for (TermPattern qualifier : notFollowedBy) {
                if (qualifier.matchesAt(tokens, end)) {
                    return true;
                }
            }
        }
        if (start > 0 && tokens.get(start).joinBefore() != Join.BREAK) {
            for (TermPattern qualifier : notPrecededBy) {
                if (qualifier.matchesAt(tokens, start - qualifier.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    TopicDefinition definition() {
        return new TopicDefinition(slug, label, description);
    }
}
