package org.her2feeds.clean;

import java.util.regex.Pattern;

/** Rules for text that leaves this package: no control characters, single spaces, bounded length. */
final class PlainTextRules {

    /**
     * A tag or comment written as text (or still escaped once more), which is what over-escaped fields decode to.
     * As in the HTML tokenizer, a tag starts only where a letter follows "<" directly: "p < 0.05 >" is text.
     */
    private static final Pattern MARKUP = Pattern.compile(
            "</?[A-Za-z][^<>]*>|<!--|&lt;/?[A-Za-z][^<>&]*&gt;");

    private PlainTextRules() {
    }

    static boolean looksLikeMarkup(String text) {
        return (text.indexOf('<') >= 0 || text.contains("&lt;")) && MARKUP.matcher(text).find();
    }

    /**
     * Drops characters that have no business in stored text (C0/C1 controls, lone surrogates, noncharacters),
     * turns every kind of space or line break into one space, and trims.
     */
    static String normalize(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isSpace(cp)) {
                pendingSpace = !out.isEmpty();
            } else if (!isUnwanted(cp)) {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /** Same cleaning for a text node kept in HTML: no trimming, and non-breaking spaces stay as written. */
    static String normalizeHtmlText(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean lastWasSpace = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp != 0xA0 && isSpace(cp)) {
                if (!lastWasSpace) {
                    out.append(' ');
                }
                lastWasSpace = true;
            } else if (!isUnwanted(cp)) {
                out.appendCodePoint(cp);
                lastWasSpace = false;
            }
        }
        return out.toString();
    }

    /** Cuts normalized text to at most {@code max} chars at a word boundary, ending with "…" when cut. */
    static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = max - 1;
        if (Character.isLowSurrogate(text.charAt(cut))) {
            cut--;
        }
        int boundary = text.charAt(cut) == ' ' ? cut : text.lastIndexOf(' ', cut);
        // One enormous "word" (a URL, a gene sequence) is cut hard rather than dropped whole.
        int end = boundary > 0 ? boundary : cut;
        while (end > 0 && isTrailingPunctuation(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    private static boolean isTrailingPunctuation(char c) {
        return c == ' ' || c == ',' || c == ';' || c == ':' || c == '-' || c == '–' || c == '—';
    }

    private static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    private static boolean isUnwanted(int cp) {
        return Character.isISOControl(cp) || (cp <= 0xFFFF && Character.isSurrogate((char) cp))
                || cp == 0xFEFF || (cp & 0xFFFE) == 0xFFFE || (cp >= 0xFDD0 && cp <= 0xFDEF);
    }
}
