package org.her2feeds.parse;

/**
 * A rough plain-text view of a description's markup, only for finding identifier statements in it ("PMID:
 * <a …>123</a> | DOI: <a …>10.…</a>" reads as "PMID: 123 | DOI: 10.…"). Tags become spaces and a few entities are
 * decoded; it is never shown to anyone (cleaning with a real HTML parser is the clean stage's job). One pass,
 * linear in the input.
 */
final class MarkupText {

    private MarkupText() {}

    static String of(String html) {
        if (html == null || html.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder(html.length());
        boolean inTag = false;
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            if (inTag) {
                inTag = c != '>';
            } else if (c == '<') {
                inTag = true;
                out.append(' ');
            } else if (c == '&') {
                i = entity(html, i, out);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Appends the entity at {@code at} (or the ampersand itself) and returns the index of its last character. */
    private static int entity(String html, int at, StringBuilder out) {
        for (String[] known : KNOWN) {
            if (html.startsWith(known[0], at)) {
                out.append(known[1]);
                return at + known[0].length() - 1;
            }
        }
        out.append('&');
        return at;
    }

    private static final String[][] KNOWN = {
        {"&amp;", "&"},
        {"&lt;", "<"},
        {"&gt;", ">"},
        {"&quot;", "\""},
        {"&#x2F;", "/"},
        {"&#47;", "/"},
        {"&nbsp;", " "},
        {"&#58;", ":"},
    };
}
