package org.her2feeds.clean;

import java.util.regex.Pattern;

/** Rules for text that leaves this package: no control characters, single spaces, bounded length. */
final class PlainTextRules {

    /**
     * A tag or comment written as text (or still escaped once more), which is what over-escaped fields decode to.
     * As in the HTML tokenizer, a tag starts only where a letter follows "<" directly: "p < 0.05 >" is text.
     */
    private static final Pattern MARKUP = Pattern.compile("</?[A-Za-z][^<>]*>|<!--|&lt;/?[A-Za-z][^<>&]*&gt;");

    private PlainTextRules() {}

    static boolean looksLikeMarkup(String text) {
        return (text.indexOf('<') >= 0 || text.contains("&lt;"))
                && MARKUP.matcher(text).find();
    }

    /**
     * Whether text may still hold markup once read as HTML: a complete tag, an escaped one, or a tag opener
     * ("<" then a letter, "/", "!" or "?") even without its closing ">" ("&lt;img src=x onerror=…" decodes
     * to the start of a tag that a reader rendering titles as HTML would build).
     */
    static boolean mayHoldMarkup(String text) {
        return looksLikeMarkup(text) || tagOpenerAt(text, 0) >= 0;
    }

    /**
     * Text that no HTML reader can take for markup: a "<" that would open a tag becomes "‹". Reached only by
     * text that is still tag-like after being read as HTML several times, which no honest title is.
     */
    static String withoutTagOpeners(String text) {
        int at = tagOpenerAt(text, 0);
        if (at < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text);
        for (; at >= 0; at = tagOpenerAt(text, at + 1)) {
            out.setCharAt(at, '\u2039');
        }
        return out.toString();
    }

    private static int tagOpenerAt(String text, int from) {
        for (int at = text.indexOf('<', from); at >= 0 && at + 1 < text.length(); at = text.indexOf('<', at + 1)) {
            char next = text.charAt(at + 1);
            if ((next >= 'a' && next <= 'z')
                    || (next >= 'A' && next <= 'Z')
                    || next == '/'
                    || next == '!'
                    || next == '?') {
                return at;
            }
        }
        return -1;
    }

    /** At most {@code max} chars, cut hard (never inside a surrogate pair): text that is read, not shown. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isLowSurrogate(text.charAt(max)) ? max - 1 : max;
        return text.substring(0, end);
    }

    /**
     * Drops characters that have no business in stored text (C0/C1 controls, lone surrogates, noncharacters),
     * turns every kind of space or line break into one space, and trims.
     */
    static String normalize(String text) {
        if (isNormal(text, true)) {
            return text;
        }
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
        if (isNormal(text, false)) {
            return text;
        }
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

    /**
     * Whether normalising would leave the text as it is: single ASCII spaces only (none at the edges when
     * {@code trimmed}), no control or other unwanted character. Most text is, and is then returned without a copy;
     * anything less plain (a non-breaking space, a surrogate pair) takes the full path.
     */
    private static boolean isNormal(String text, boolean trimmed) {
        int length = text.length();
        if (trimmed && length > 0 && (text.charAt(0) == ' ' || text.charAt(length - 1) == ' ')) {
            return false;
        }
        boolean lastWasSpace = false;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                if (lastWasSpace) {
                    return false;
                }
                lastWasSpace = true;
            } else if (c < 0x20 || c == 0x7F) {
                return false;
            } else if (c >= 0x80 && (Character.isSurrogate(c) || isSpace(c) || isUnwanted(c))) {
                return false;
            } else {
                lastWasSpace = false;
            }
        }
        return true;
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
        return Character.isISOControl(cp)
                || (cp <= 0xFFFF && Character.isSurrogate((char) cp))
                || cp == 0xFEFF
                || (cp & 0xFFFE) == 0xFFFE
                || (cp >= 0xFDD0 && cp <= 0xFDEF);
    }
}
