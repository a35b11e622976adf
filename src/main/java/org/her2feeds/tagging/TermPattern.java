package org.her2feeds.tagging;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A configured term compiled to the token sequence it matches. In a term, a hyphen between two words means a
 * tight join ({@code her-2} matches "HER-2" and "HER–2" but not "her 2"), a space means any separator, a sign
 * after a word is a sign token ({@code her2+}), and a {@code *} at the end of a word matches any word that
 * starts with it ({@code nct*}).
 */
record TermPattern(String source, List<Step> steps) {

    /** One token of a pattern and how it must be joined to the previous one. */
    record Step(String text, boolean prefix, Join join) {

        boolean accepts(Token token, boolean first) {
            if (!first && !joinAccepts(token.joinBefore())) {
                return false;
            }
            return prefix ? token.text().startsWith(text) : token.text().equals(text);
        }

        boolean joinAccepts(Join actual) {
            return switch (join) {
                case TIGHT -> actual == Join.TIGHT;
                case NONE -> actual == Join.NONE;
                case SPACE -> actual != Join.BREAK;
                case BREAK -> false;
            };
        }

        String canonical() {
            String glue = switch (join) {
                case NONE -> "";
                case TIGHT -> "-";
                default -> " ";
            };
            return glue + text + (prefix ? "*" : "");
        }
    }

    /** @throws IllegalArgumentException with a message fit for an operator */
    static TermPattern compile(String term) {
        String normalised = TextNormaliser.normalise(term).strip();
        if (normalised.isEmpty()) {
            throw new IllegalArgumentException("empty term");
        }
        if (normalised.equals("-") || normalised.equals("+")) {
            // A lone sign ("-" as a negative qualifier) would otherwise be read as a separator.
            return new TermPattern(term, List.of(new Step(normalised, false, Join.SPACE)));
        }
        List<Token> tokens = Tokeniser.tokenise(normalised);
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("term '" + term + "' has no letters or digits");
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            Join join = i == 0 ? Join.SPACE : token.joinBefore();
            if (join == Join.BREAK) {
                throw new IllegalArgumentException("term '" + term + "' contains clause punctuation (, ; . : ! ?)"
                        + " that text never matches across");
            }
            boolean prefix = token.end() < normalised.length() && normalised.charAt(token.end()) == '*';
            steps.add(new Step(token.text(), prefix, join));
        }
        if (normalised.startsWith("-") || normalised.startsWith("+")) {
            // "-negative" in a term is the same as "negative"; a leading sign would silently vanish.
            throw new IllegalArgumentException("term '" + term + "' starts with a sign; write the sign after a word");
        }
        return new TermPattern(term, List.copyOf(steps));
    }

    int length() {
        return steps.size();
    }

    /** Whether the pattern matches the tokens starting at {@code from}. */
    boolean matchesAt(List<Token> tokens, int from) {
        if (from < 0 || from + steps.size() > tokens.size()) {
            return false;
        }
        for (int k = 0; k < steps.size(); k++) {
            if (!steps.get(k).accepts(tokens.get(from + k), k == 0)) {
                return false;
            }
        }
        return true;
    }

    /** The normal form used for equality and for the rules fingerprint. */
    String canonical() {
        return steps.stream().map(Step::canonical).collect(Collectors.joining()).strip();
    }
}
