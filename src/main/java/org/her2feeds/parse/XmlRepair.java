package org.her2feeds.parse;

import java.util.Set;

/**
 * Turns a nearly-XML feed into XML, in the spirit of feedparser's and CommaFeed's lenient paths: drops
 * anything before the first tag, the XML declaration (the text is already decoded) and an external DOCTYPE,
 * replaces HTML named entities by character references, escapes stray ampersands, drops characters XML 1.0
 * forbids and closes a final end tag that lost its {@code >}. Line breaks of removed parts are kept so that
 * errors still point at the right line. A DOCTYPE with an internal subset is refused, never expanded: that is
 * where entity bombs and external entities live.
 */
final class XmlRepair {

    private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");
    private static final int LONGEST_ENTITY_NAME = 32;
    /** How far into the text a misplaced XML declaration is still taken as the document's start. */
    private static final int LEADING_GARBAGE_LIMIT = 4096;

    private final HtmlEntities entities;

    XmlRepair(HtmlEntities entities) {
        this.entities = entities;
    }

    String repair(String text) throws FeedParseException {
        StringBuilder out = new StringBuilder(text.length() + 64);
        int i = skipPrologue(text, out);
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '<') {
                i = copyMarkup(text, i, out);
            } else if (c == '&') {
                i = copyReference(text, i, out);
            } else {
                i = copyChar(text, i, out);
            }
        }
        closeTruncatedEndTag(out);
        return out.toString();
    }

    /** Skips garbage, BOM, whitespace and the XML declaration before the first real tag. */
    private static int skipPrologue(String text, StringBuilder out) {
        int start = text.indexOf('<');
        if (start < 0) {
            return text.length();
        }
        start = declarationAfterMarkupGarbage(text, start);
        int end = start;
        if (isXmlDeclaration(text, start)) {
            int close = text.indexOf("?>", start);
            end = close < 0 ? start : close + 2;
        }
        keepLineBreaks(text, 0, end, out);
        return end;
    }

    /**
     * A script that prints a warning before its feed ({@code <br /><b>Warning</b>: ...}) leaves markup before the XML
     * declaration, which may only come first: such a declaration marks where the document really starts. It is
     * looked for only near the start and before any feed root, so a declaration quoted inside an item is never
     * mistaken for it.
     */
    private static int declarationAfterMarkupGarbage(String text, int firstTag) {
        int declaration = text.indexOf("<?xml", firstTag);
        if (declaration <= firstTag || declaration - firstTag > LEADING_GARBAGE_LIMIT) {
            return firstTag;
        }
        String before = text.substring(firstTag, declaration).toLowerCase(java.util.Locale.ROOT);
        boolean feedStartsEarlier = before.contains("<rss") || before.contains("<feed") || before.contains("<rdf");
        return feedStartsEarlier ? firstTag : declaration;
    }

    private int copyMarkup(String text, int i, StringBuilder out) throws FeedParseException {
        if (text.startsWith("<!--", i)) {
            return copyVerbatimUntil(text, i, "-->", out);
        }
        if (text.startsWith("<![CDATA[", i)) {
            return copyVerbatimUntil(text, i, "]]>", out);
        }
        if (text.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
            return skipDoctype(text, i, out);
        }
        if (isXmlDeclaration(text, i)) {
            // Only legal as the very first thing; feeds that start with a comment repeat it later.
            int close = text.indexOf("?>", i);
            int end = close < 0 ? text.length() : close + 2;
            keepLineBreaks(text, i, end, out);
            return end;
        }
        out.append('<');
        return i + 1;
    }

    private static boolean isXmlDeclaration(String text, int i) {
        return text.startsWith("<?xml", i) && i + 5 < text.length() && Character.isWhitespace(text.charAt(i + 5));
    }

    private static int skipDoctype(String text, int i, StringBuilder out) throws FeedParseException {
        int close = text.indexOf('>', i);
        // Looked for only up to the DOCTYPE's end, so a body of many DOCTYPEs is still read in one pass.
        int subset = indexOf(text, '[', i, close < 0 ? text.length() : close);
        if (subset >= 0) {
            throw new FeedParseException("DOCTYPE refused: the document declares its own entities "
                    + "(internal DTD subset), which could expand without bound or read local files");
        }
        int end = close < 0 ? text.length() : close + 1;
        keepLineBreaks(text, i, end, out);
        return end;
    }

    private static int indexOf(String text, char c, int from, int to) {
        for (int j = from; j < to; j++) {
            if (text.charAt(j) == c) {
                return j;
            }
        }
        return -1;
    }

    private static int copyVerbatimUntil(String text, int i, String terminator, StringBuilder out) {
        int close = text.indexOf(terminator, i);
        int end = close < 0 ? text.length() : close + terminator.length();
        int j = i;
        while (j < end) {
            j = copyChar(text, j, out);
        }
        return end;
    }

    private int copyReference(String text, int i, StringBuilder out) {
        int semicolon = semicolonOfReference(text, i);
        if (semicolon < 0) {
            out.append("&amp;");
            return i + 1;
        }
        String name = text.substring(i + 1, semicolon);
        if (name.startsWith("#")) {
            appendCharacterReference(name, text.substring(i, semicolon + 1), out);
        } else if (XML_ENTITIES.contains(name)) {
            out.append(text, i, semicolon + 1);
        } else {
            String decoded = entities.decode(name);
            if (decoded == null) {
                // Unknown names stay readable as text rather than failing the whole feed.
                out.append("&amp;").append(name).append(';');
            } else {
                decoded.codePoints()
                        .forEach(cp -> out.append("&#x")
                                .append(Integer.toHexString(cp))
                                .append(';'));
            }
        }
        return semicolon + 1;
    }

    /** Index of the ';' closing a syntactically valid reference starting at {@code i}, or -1. */
    private static int semicolonOfReference(String text, int i) {
        int n = Math.min(text.length(), i + 2 + LONGEST_ENTITY_NAME);
        int j = i + 1;
        if (j < n && text.charAt(j) == '#') {
            j++;
            boolean hex = j < n && (text.charAt(j) == 'x' || text.charAt(j) == 'X');
            if (hex) {
                j++;
            }
            int digitsStart = j;
            while (j < n && (hex ? Character.digit(text.charAt(j), 16) >= 0 : isAsciiDigit(text.charAt(j)))) {
                j++;
            }
            return j > digitsStart && j < n && text.charAt(j) == ';' ? j : -1;
        }
        int nameStart = j;
        while (j < n && isAsciiLetterOrDigit(text.charAt(j))) {
            j++;
        }
        boolean startsWithLetter = j > nameStart && !isAsciiDigit(text.charAt(nameStart));
        return startsWithLetter && j < n && text.charAt(j) == ';' ? j : -1;
    }

    private static void appendCharacterReference(String name, String reference, StringBuilder out) {
        boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
        String digits = name.substring(hex ? 2 : 1);
        int codePoint;
        try {
            codePoint = Integer.parseInt(digits, hex ? 16 : 10);
        } catch (NumberFormatException tooLarge) {
            return;
        }
        if (isXmlChar(codePoint)) {
            // XML spells the hexadecimal marker in lower case only; HTML also accepts "&#X".
            out.append(hex ? "&#x" + digits + ";" : reference);
        }
    }

    /** Copies one character (or surrogate pair), dropping what XML 1.0 forbids. */
    private static int copyChar(String text, int i, StringBuilder out) {
        int codePoint = text.codePointAt(i);
        int width = Character.charCount(codePoint);
        if (isXmlChar(codePoint)) {
            out.appendCodePoint(codePoint);
        }
        return i + width;
    }

    private static boolean isXmlChar(int cp) {
        return cp == 0x9
                || cp == 0xA
                || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    private static void closeTruncatedEndTag(StringBuilder out) {
        int end = out.length();
        while (end > 0 && Character.isWhitespace(out.charAt(end - 1))) {
            end--;
        }
        int open = out.lastIndexOf("</", end);
        if (open < 0 || open + 2 >= end) {
            return;
        }
        for (int j = open + 2; j < end; j++) {
            char c = out.charAt(j);
            if (!(isAsciiLetterOrDigit(c) || c == ':' || c == '-' || c == '_' || c == '.')) {
                return;
            }
        }
        out.insert(end, '>');
    }

    private static void keepLineBreaks(String text, int from, int to, StringBuilder out) {
        for (int j = from; j < to; j++) {
            if (text.charAt(j) == '\n') {
                out.append('\n');
            }
        }
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isAsciiDigit(c);
    }
}
