package org.her2feeds.tagging;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds the many ways feeds write the same characters into one form before tokenising: compatibility
 * forms (fullwidth letters, superscript plus and digits) through NFKC, every dash and minus sign to
 * {@code '-'}, every kind of space to {@code ' '}, invisible characters removed, and lower case.
 */
final class TextNormaliser {

    private TextNormaliser() {}

    static String normalise(String text) {
        // ASCII is its own NFKC form; most feed text is ASCII, and normalising it anyway costs a copy and a scan.
        if (isAscii(text)) {
            return asciiNormalised(text);
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC);
        // Into an array, not a StringBuilder: appending char by char was the largest part of tagging's time.
        char[] out = new char[folded.length()];
        int length = 0;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c < 0x80) {
                // Lower-cased here as toLowerCase would (ASCII's case does not depend on its neighbours), so that
                // toLowerCase below finds most text already done and returns it without another copy.
                out[length++] = asciiFolded(c);
            } else if (isDash(c)) {
                out[length++] = '-';
            } else if (isPlus(c)) {
                out[length++] = '+';
            } else if (isInvisible(c)) {
                // Soft hyphens and zero-width characters split words invisibly ("tras\u00ADtuzumab").
                continue;
            } else if (isSpace(c)) {
                out[length++] = ' ';
            } else {
                out[length++] = c;
            }
        }
        return new String(out, 0, length).toLowerCase(Locale.ROOT);
    }

    /**
     * What {@link #normalise} gives ASCII text, in one copy where the general way makes two (the folded text, then
     * its lower case): no ASCII character is a dash, plus or invisible one that is changed, spaces become
     * {@code ' '} as there, and lower case of ASCII is A-Z to a-z.
     */
    private static String asciiNormalised(String text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = asciiFolded(text.charAt(i));
        }
        return new String(out);
    }

    /** An ASCII character as {@link #normalise} gives it: A-Z lower-cased, every space {@code ' '}. */
    private static char asciiFolded(char c) {
        if (c >= 'A' && c <= 'Z') {
            return (char) (c + ('a' - 'A'));
        }
        return c <= ' ' && isSpace(c) ? ' ' : c;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDash(char c) {
        return (c >= '\u2010' && c <= '\u2015') // hyphen, non-breaking hyphen, figure dash, en/em dash, bar
                || c == '\u2212' // minus sign
                || c == '\u2043' // hyphen bullet
                || c == '\uFE58' // small em dash
                || c == '\uFE63' // small hyphen-minus
                || c == '\uFF0D'; // fullwidth hyphen-minus
    }

    private static boolean isPlus(char c) {
        return c == '\u207A' || c == '\u208A' || c == '\uFE62' || c == '\uFF0B';
    }

    private static boolean isInvisible(char c) {
        return c == '\u00AD' || (c >= '\u200B' && c <= '\u200D') || c == '\u2060' || c == '\uFEFF';
    }
}
