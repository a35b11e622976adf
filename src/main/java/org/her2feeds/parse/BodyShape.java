package org.her2feeds.parse;

import java.util.Locale;

/** What a document that failed to parse as XML looks like, to tell an operator why. */
enum BodyShape {
    EMPTY,
    HTML,
    JSON,
    NO_MARKUP,
    NO_ELEMENT,
    XML_LIKE;

    static BodyShape of(String text) {
        int i = 0;
        int n = text.length();
        while (i < n && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\uFEFF')) {
            i++;
        }
        if (i == n) {
            return EMPTY;
        }
        char first = text.charAt(i);
        if (first == '{' || first == '[') {
            return JSON;
        }
        String root = firstElementName(text, text.indexOf('<', i));
        if (root == null) {
            return text.indexOf('<', i) < 0 ? NO_MARKUP : NO_ELEMENT;
        }
        return root.toLowerCase(Locale.ROOT).equals("html") ? HTML : XML_LIKE;
    }

    /** The name of the first start tag, skipping declarations, comments and processing instructions. */
    static String firstElementName(String text, int from) {
        int i = from;
        while (i >= 0 && i < text.length()) {
            if (text.startsWith("<!--", i)) {
                int end = text.indexOf("-->", i);
                i = end < 0 ? -1 : text.indexOf('<', end);
            } else if (text.startsWith("<!", i) || text.startsWith("<?", i)) {
                int end = text.indexOf('>', i);
                i = end < 0 ? -1 : text.indexOf('<', end);
            } else {
                int start = i + 1;
                int end = start;
                while (end < text.length()
                        && !Character.isWhitespace(text.charAt(end))
                        && "/>".indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                return end > start ? text.substring(start, end) : null;
            }
        }
        return null;
    }
}
