package org.her2feeds.tagging;

/**
 * A text in the form story rules compare titles and texts in: lower case, every run of characters other than
 * letters {@code a-z}, digits and a number's points (a point followed by a digit) made one space, no space at
 * either end. What {@code text.toLowerCase(Locale.ROOT)} with every match of
 * {@code (?:[^a-z0-9.]|\.(?![0-9]))+} replaced by a space and stripped gives, written as one pass over the text
 * (a point ends a sentence, "listed on the PBS.", unless a digit follows it, "11.9": only the latter is kept),
 * because storing computes it for every arriving article's whole text (a regex replacement over it was about 8 % of
 * storing a feed); {@link #head} stops as soon as it has what a profile keeps.
 */
final class TextKey {

    /** Lower case as {@link String#toLowerCase} gives it with {@code Locale.ROOT}: a dotted capital I becomes two. */
    private static final char DOTTED_CAPITAL_I = '\u0130';

    private TextKey() {}

    static String of(String text) {
        return build(text, Integer.MAX_VALUE).toString();
    }

    /** The first {@code length} characters of {@link #of} the text (all of it when shorter). */
    static String head(String text, int length) {
        StringBuilder key = build(text, length);
        return key.length() > length ? key.substring(0, length) : key.toString();
    }

    /**
     * The key, or once it is longer than {@code enough} (its last character then not a space, so no strip would
     * shorten it) its start.
     */
    private static StringBuilder build(String text, int enough) {
        int n = text.length();
        StringBuilder key = new StringBuilder(Math.min(n, enough == Integer.MAX_VALUE ? n : enough + 1));
        boolean gap = false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            char lower;
            if (c < 128) {
                lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            } else if (c == DOTTED_CAPITAL_I) {
                // "i" and a combining dot above: the dot parts it from what follows.
                append(key, 'i', gap);
                gap = true;
                continue;
            } else {
                lower = Character.toLowerCase(c);
            }
            boolean kept = (lower >= 'a' && lower <= 'z')
                    || (lower >= '0' && lower <= '9')
                    || (lower == '.' && i + 1 < n && isDigit(text.charAt(i + 1)));
            if (!kept) {
                gap = true;
                continue;
            }
            append(key, lower, gap);
            gap = false;
            if (key.length() > enough) {
                break;
            }
        }
        return key;
    }

    private static void append(StringBuilder key, char c, boolean gap) {
        if (gap && !key.isEmpty()) {
            key.append(' ');
        }
        key.append(c);
    }

    /** Lower case changes no character into a digit, nor a digit. */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
