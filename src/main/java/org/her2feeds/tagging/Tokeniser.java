package org.her2feeds.tagging;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits normalised text into tokens. A hyphen between two letters or digits joins them tightly
 * ({@code her2-low}); a sign written directly after a word becomes a token of its own, so that
 * {@code hr+/her2-} reads as {@code hr + her2 -} and the trailing minus can act as a negative qualifier.
 */
final class Tokeniser {

    private Tokeniser() {}

    static List<Token> tokenise(String normalised) {
        List<Token> tokens = new ArrayList<>();
        Join pending = Join.BREAK;
        int depth = 0;
        int sentence = 0;
        int n = normalised.length();
        int i = 0;
        while (i < n) {
            char c = normalised.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                int start = i;
                while (i < n && Character.isLetterOrDigit(normalised.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(normalised.substring(start, i), pending, start, i, depth, sentence));
                pending = Join.NONE;
                continue;
            }
            boolean afterWord = i > 0 && Character.isLetterOrDigit(normalised.charAt(i - 1));
            boolean beforeWord = i + 1 < n && Character.isLetterOrDigit(normalised.charAt(i + 1));
            if (c == '-' && afterWord && beforeWord) {
                pending = pending.strongest(Join.TIGHT);
            } else if ((c == '+' || c == '-') && (afterWord || aloneInBrackets(normalised, i))) {
                tokens.add(new Token(String.valueOf(c), pending, i, i + 1, depth, sentence));
                pending = Join.NONE;
            } else if (c == '(' || c == '[') {
                depth++;
                pending = pending.strongest(Join.SPACE);
            } else if (c == ')' || c == ']') {
                depth = Math.max(0, depth - 1);
                pending = pending.strongest(Join.SPACE);
            } else if (endsClause(c, afterWord, beforeWord)) {
                pending = Join.BREAK;
                if (c == '.' || c == '!' || c == '?') {
                    sentence++;
                }
            } else {
                pending = pending.strongest(Join.SPACE);
            }
            i++;
        }
        return tokens;
    }

    /** "HER2 (−)" and "ER (+)": a status written as a sign in brackets of its own. */
    private static boolean aloneInBrackets(String text, int i) {
        return i > 0
                && i + 1 < text.length()
                && (text.charAt(i - 1) == '(' || text.charAt(i - 1) == '[')
                && (text.charAt(i + 1) == ')' || text.charAt(i + 1) == ']');
    }

    private static boolean endsClause(char c, boolean afterWord, boolean beforeWord) {
        return switch (c) {
            case ',', ';', '!', '?' -> true;
            // "5.4 mg" and "10:1" are not clause ends; "disease. Patients" is.
            case '.', ':' -> !(afterWord && beforeWord);
            default -> false;
        };
    }
}
