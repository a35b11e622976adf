package org.her2feeds.tagging;

/** How a token is joined to the token before it. */
enum Join {
    /** Directly adjacent: only a sign symbol, as in {@code her2+}. */
    NONE,
    /** A hyphen between two letters or digits, as in {@code her2-low}. */
    TIGHT,
    /** Spaces or other separators that a phrase may span ({@code /}, brackets, quotes). */
    SPACE,
    /** Punctuation that ends a clause ({@code , ; ? !} or a full stop); phrases never span it. */
    BREAK;

    Join strongest(Join other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
