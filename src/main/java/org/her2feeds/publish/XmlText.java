package org.her2feeds.publish;

/**
 * Removes the characters XML 1.0 forbids (C0 controls other than tab, newline, carriage return; lone surrogates;
 * U+FFFE/U+FFFF). The cleaner already drops them; this keeps a single stray one from making a whole feed (or OPML
 * list) unreadable.
 */
public final class XmlText {

    private XmlText() {}

    public static String of(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!allowed(text, i)) {
                return strip(text);
            }
        }
        return text;
    }

    private static String strip(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (allowed(text, i)) {
                out.append(text.charAt(i));
            }
        }
        return out.toString();
    }

    private static boolean allowed(String text, int i) {
        char c = text.charAt(i);
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
        }
        return c != 0xFFFE && c != 0xFFFF;
    }
}
