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
        String folded = isAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (isDash(c)) {
                out.append('-');
            } else if (isPlus(c)) {
                out.append('+');
            } else if (isInvisible(c)) {
                // Soft hyphens and zero-width characters split words invisibly ("tras\u00ADtuzumab").
                continue;
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
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
