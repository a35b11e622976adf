package org.her2feeds.tagging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The characters a pattern's matches can start with, read from its source, so that a search tries the pattern only
 * where one stands. {@link Matcher#find} tries a pattern at every character of the text; the trial name patterns
 * start with a capital, a bracket or one of a few words, and trying them at every other character (a look-behind,
 * then each alternative) was most of what finding trial names cost.
 *
 * <p>Only what the tagger's patterns use is read: literals, escapes, classes, groups, alternatives, quantifiers,
 * look-arounds and the {@code i} flag (ASCII case, as {@link Pattern} folds without {@code UNICODE_CASE}). Anything
 * else, or a pattern that can match the empty string at its start, may start anywhere: it is searched as
 * {@link Matcher#find} does. The set may hold characters no match starts with, never miss one.
 */
final class MatchStarts {

    private final Pattern pattern;
    /** Null when a match may start with any character. */
    private final boolean[] ascii;
    /** Whether a match may start with a character beyond ASCII. */
    private final boolean beyondAscii;

    /**
     * The ASCII characters no match can start after: every alternative of the pattern opens with a look-behind that
     * refuses them ("(?<![\\w-])" before a name: a capital inside a word starts none). Null when there are none.
     */
    private final boolean[] notAfter;

    private MatchStarts(Pattern pattern, CharSet starts, boolean[] notAfter) {
        this.pattern = pattern;
        this.ascii = starts == null ? null : starts.ascii;
        this.beyondAscii = starts != null && starts.beyondAscii;
        this.notAfter = starts == null ? null : notAfter;
    }

    static MatchStarts of(Pattern pattern) {
        CharSet starts = null;
        // A flag at the pattern's start may be reported as given to compile: case ignored from the start is wider.
        if ((pattern.flags() & ~Pattern.CASE_INSENSITIVE) == 0) {
            Reader reader = new Reader(pattern.pattern());
            reader.ignoreCase = pattern.flags() != 0;
            Sequence first = reader.alternatives();
            if (!reader.failed && reader.at == reader.source.length() && !first.nullable) {
                starts = first.starts;
            }
        }
        return new MatchStarts(pattern, starts, notAfter(pattern));
    }

    /** See {@link #notAfter}: what the look-behind opening each top-level alternative refuses, in all of them. */
    private static boolean[] notAfter(Pattern pattern) {
        String source = pattern.pattern();
        if (pattern.flags() != 0) {
            return null;
        }
        boolean[] refused = null;
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= source.length(); i++) {
            char c = i < source.length() ? source.charAt(i) : '|';
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = classEnd(source, i);
                if (i < 0) {
                    return null;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                boolean[] alternative = refusedBefore(source, start);
                if (alternative == null) {
                    return null;
                }
                if (refused == null) {
                    refused = alternative;
                } else {
                    for (int k = 0; k < refused.length; k++) {
                        refused[k] &= alternative[k];
                    }
                }
                start = i + 1;
            }
        }
        return refused;
    }

    /** Where the class opened at {@code open} closes; -1 for a class within a class, which is not read. */
    private static int classEnd(String source, int open) {
        for (int i = open + 1; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                return -1;
            } else if (c == ']') {
                return i;
            }
        }
        return -1;
    }

    /**
     * The ASCII characters a look-behind "(?<![…])" at {@code at} refuses; null when none opens there. Exactly the
     * class's ASCII characters (a character beyond ASCII before a start is never taken as refused).
     */
    private static boolean[] refusedBefore(String source, int at) {
        if (!source.startsWith("(?<![", at)) {
            return null;
        }
        Reader reader = new Reader(source);
        reader.at = at + 4;
        CharSet refused = reader.characterClass();
        if (reader.failed || reader.at >= source.length() || source.charAt(reader.at) != ')') {
            return null;
        }
        return refused.ascii;
    }

    /** A search of the text for the pattern's matches, left to right. */
    Search search(String text) {
        return new Search(text, pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false));
    }

    /** The matches of one search, found one by one as {@link Matcher#find()} finds them. */
    final class Search {

        private final String text;
        private final Matcher matcher;
        private int from;

        private Search(String text, Matcher matcher) {
            this.text = text;
            this.matcher = matcher;
        }

        /** The matcher of the last match found. */
        Matcher matcher() {
            return matcher;
        }

        /** Finds the next match; false when there is none. */
        boolean find() {
            return find(from);
        }

        /**
         * Finds the first match at or after {@code start}, as {@link Matcher#find(int)} does: each start tried in
         * turn, with the text before it in view, the first that matches taken.
         */
        boolean find(int start) {
            boolean found = ascii == null ? start <= text.length() && matcher.find(start) : findFrom(start);
            // After an empty match the next search starts one further on, as Matcher's does.
            from = !found ? text.length() + 1 : matcher.end() == matcher.start() ? matcher.end() + 1 : matcher.end();
            return found;
        }

        private boolean findFrom(int start) {
            int length = text.length();
            for (int i = start; i < length; i++) {
                char c = text.charAt(i);
                if ((c < 128 ? ascii[c] : beyondAscii)
                        && !refusedAt(i)
                        && matcher.region(i, length).lookingAt()) {
                    return true;
                }
            }
            return false;
        }

        private boolean refusedAt(int i) {
            if (notAfter == null || i == 0) {
                return false;
            }
            char before = text.charAt(i - 1);
            return before < 128 && notAfter[before];
        }
    }

    /** Whether the pattern's starts are known (else it is searched at every character). */
    boolean narrowed() {
        return ascii != null;
    }

    private static final class CharSet {
        final boolean[] ascii = new boolean[128];
        boolean beyondAscii;

        void add(char c, boolean ignoreCase) {
            if (c >= 128) {
                beyondAscii = true;
                return;
            }
            ascii[c] = true;
            if (ignoreCase && Character.isLetter(c)) {
                ascii[Character.toLowerCase(c)] = true;
                ascii[Character.toUpperCase(c)] = true;
            }
        }

        void addRange(char from, char to, boolean ignoreCase) {
            for (int c = from; c <= to; c++) {
                add((char) c, ignoreCase);
            }
        }

        void addAllBut(String left) {
            for (int c = 0; c < 128; c++) {
                ascii[c] |= left.indexOf(c) < 0;
            }
            beyondAscii = true;
        }

        void addAll(CharSet other) {
            for (int c = 0; c < 128; c++) {
                ascii[c] |= other.ascii[c];
            }
            beyondAscii |= other.beyondAscii;
        }
    }

    /** What a part of a pattern can start with, and whether it can match nothing (then what follows counts too). */
    private record Sequence(CharSet starts, boolean nullable) {}

    /** A reader of the pattern's source; {@code failed} when it meets what it does not know. */
    private static final class Reader {
        final String source;
        int at;
        boolean failed;
        /** Whether ASCII case is ignored here: an inline flag holds to the end of its group, across alternatives. */
        boolean ignoreCase;

        Reader(String source) {
            this.source = source;
        }

        /** Alternatives up to an unopened ')' or the end. */
        Sequence alternatives() {
            CharSet starts = new CharSet();
            boolean nullable = false;
            while (true) {
                Sequence one = sequence();
                starts.addAll(one.starts());
                nullable |= one.nullable();
                if (failed || at >= source.length() || source.charAt(at) != '|') {
                    return new Sequence(starts, nullable);
                }
                at++;
            }
        }

        /** One alternative: the starts of its elements until one that cannot match nothing. */
        private Sequence sequence() {
            CharSet starts = new CharSet();
            boolean open = true;
            while (!failed && at < source.length() && source.charAt(at) != '|' && source.charAt(at) != ')') {
                if (source.startsWith("(?i)", at)) {
                    ignoreCase = true;
                    at += 4;
                    continue;
                }
                if (source.startsWith("(?-i)", at)) {
                    ignoreCase = false;
                    at += 5;
                    continue;
                }
                Sequence element = element();
                boolean optional = quantifier();
                if (open) {
                    starts.addAll(element.starts());
                    open = element.nullable() || optional;
                }
            }
            return new Sequence(starts, open);
        }

        private Sequence element() {
            char c = source.charAt(at);
            if (c == '(') {
                return group();
            }
            if (c == '[') {
                return new Sequence(characterClass(), false);
            }
            if (c == '^' || c == '$') {
                at++;
                return new Sequence(new CharSet(), true);
            }
            if (c == '.' || c == '*' || c == '+' || c == '?' || c == '{') {
                failed = true;
                return new Sequence(new CharSet(), true);
            }
            CharSet one = new CharSet();
            if (c == '\\') {
                return escape();
            }
            at++;
            one.add(c, ignoreCase);
            return new Sequence(one, false);
        }

        private Sequence group() {
            boolean outer = ignoreCase;
            boolean zeroWidth = false;
            if (source.startsWith("(?<!", at) || source.startsWith("(?<=", at)) {
                at += 4;
                zeroWidth = true;
            } else if (source.startsWith("(?!", at) || source.startsWith("(?=", at)) {
                at += 3;
                zeroWidth = true;
            } else if (source.startsWith("(?:", at)) {
                at += 3;
            } else if (source.startsWith("(?i:", at)) {
                at += 4;
                ignoreCase = true;
            } else if (source.startsWith("(?-i:", at)) {
                at += 5;
                ignoreCase = false;
            } else if (source.startsWith("(?", at)) {
                failed = true;
                return new Sequence(new CharSet(), true);
            } else {
                at++;
            }
            Sequence inside = alternatives();
            ignoreCase = outer;
            if (failed || at >= source.length() || source.charAt(at) != ')') {
                failed = true;
                return inside;
            }
            at++;
            // A look-around matches nothing itself: what follows it starts the match.
            return zeroWidth ? new Sequence(new CharSet(), true) : inside;
        }

        /** Reads a quantifier if one follows; whether it allows none. */
        private boolean quantifier() {
            if (at >= source.length()) {
                return false;
            }
            char q = source.charAt(at);
            boolean optional;
            if (q == '?' || q == '*') {
                at++;
                optional = true;
            } else if (q == '+') {
                at++;
                optional = false;
            } else if (q == '{') {
                int close = source.indexOf('}', at);
                if (close < 0) {
                    failed = true;
                    return true;
                }
                String bounds = source.substring(at + 1, close);
                optional = bounds.startsWith("0");
                at = close + 1;
            } else {
                return false;
            }
            // Lazy or possessive forms read the same.
            if (at < source.length() && (source.charAt(at) == '?' || source.charAt(at) == '+')) {
                at++;
            }
            return optional;
        }

        private Sequence escape() {
            if (at + 1 >= source.length()) {
                failed = true;
                return new Sequence(new CharSet(), true);
            }
            char e = source.charAt(at + 1);
            at += 2;
            CharSet set = new CharSet();
            switch (e) {
                case 'b', 'B' -> {
                    return new Sequence(set, true);
                }
                case 's' -> " \t\n\u000b\f\r".chars().forEach(c -> set.add((char) c, false));
                case 'd' -> set.addRange('0', '9', false);
                // The complements ("\\S" in "phase\\s+\\S+"): every character beyond ASCII, and the ASCII ones
                // their class leaves out.
                case 'S' -> set.addAllBut(" \t\n\u000b\f\r");
                case 'D' -> set.addAllBut("0123456789");
                case 'W' -> set.addAllBut("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
                case 'w' -> {
                    set.addRange('a', 'z', false);
                    set.addRange('A', 'Z', false);
                    set.addRange('0', '9', false);
                    set.add('_', false);
                }
                case 'u' -> {
                    if (at + 4 > source.length()
                            || !source.substring(at, at + 4).matches("[0-9a-fA-F]{4}")) {
                        failed = true;
                    } else {
                        set.add((char) Integer.parseInt(source.substring(at, at + 4), 16), ignoreCase);
                        at += 4;
                    }
                }
                case 'Q' -> {
                    int end = source.indexOf("\\E", at);
                    if (end <= at) {
                        failed = true;
                    } else {
                        set.add(source.charAt(at), ignoreCase);
                        at = end + 2;
                    }
                }
                default -> {
                    if (Character.isLetterOrDigit(e)) {
                        // \p{…}, back-references and the rest: not read here.
                        failed = true;
                    } else {
                        set.add(e, ignoreCase);
                    }
                }
            }
            return new Sequence(set, false);
        }

        private CharSet characterClass() {
            CharSet set = new CharSet();
            at++;
            if (at < source.length() && source.charAt(at) == '^') {
                // A negated class ("[^:]"): whatever the class names read without case folding, so that what is
                // left out is never more than the pattern leaves out.
                if (at + 1 < source.length() && source.charAt(at + 1) == '^') {
                    failed = true;
                    return set;
                }
                boolean outer = ignoreCase;
                ignoreCase = false;
                CharSet named = characterClass();
                ignoreCase = outer;
                for (int c = 0; c < 128; c++) {
                    set.ascii[c] = !named.ascii[c];
                }
                set.beyondAscii = true;
                return set;
            }
            while (at < source.length() && source.charAt(at) != ']') {
                char c = source.charAt(at);
                if (c == '[' || c == '&') {
                    failed = true;
                    return set;
                }
                if (c == '\\') {
                    Sequence escaped = escape();
                    if (escaped.nullable()) {
                        failed = true;
                        return set;
                    }
                    set.addAll(escaped.starts());
                    continue;
                }
                at++;
                if (at + 1 < source.length() && source.charAt(at) == '-' && source.charAt(at + 1) != ']') {
                    char to = source.charAt(at + 1);
                    if (to == '\\' || to < c) {
                        failed = true;
                        return set;
                    }
                    set.addRange(c, to, ignoreCase);
                    at += 2;
                } else {
                    set.add(c, ignoreCase);
                }
            }
            if (at >= source.length()) {
                failed = true;
                return set;
            }
            at++;
            return set;
        }
    }
}
