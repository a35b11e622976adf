package org.her2feeds.parse;

import java.nio.charset.Charset;

/**
 * Text whose curly quotes and dashes arrive as C1 control characters (U+0080 to U+009F) was windows-1252 read as
 * Latin-1 somewhere upstream; no one means those controls in a feed. They are mapped back to the characters
 * windows-1252 has at those bytes (feedparser calls this demoronising); undefined positions stay as they are.
 */
final class C1Controls {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final String MAPPED = mappedTable();

    private C1Controls() {}

    static String remap(String text) {
        if (text == null || text.chars().noneMatch(C1Controls::isC1)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(isC1(c) ? MAPPED.charAt(c - 0x80) : c);
        }
        return out.toString();
    }

    private static boolean isC1(int c) {
        return c >= 0x80 && c <= 0x9F;
    }

    private static String mappedTable() {
        StringBuilder table = new StringBuilder(32);
        for (int b = 0x80; b <= 0x9F; b++) {
            char decoded = new String(new byte[] {(byte) b}, WINDOWS_1252).charAt(0);
            table.append(decoded == '\uFFFD' ? (char) b : decoded);
        }
        return table.toString();
    }
}
