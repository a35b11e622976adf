package org.her2feeds.tagging;

/**
 * A run of letters and digits, or a {@code +}/{@code -} sign written against a word ({@code HR+},
 * {@code HER2-}) or alone in brackets ({@code HER2 (-)}), with its offsets in the normalised text and how deep
 * inside brackets it stands (0 outside any) and in which sentence (counted from 0).
 */
record Token(String text, Join joinBefore, int start, int end, int depth, int sentence) {

    Token(String text, Join joinBefore, int start, int end) {
        this(text, joinBefore, start, end, 0, 0);
    }
}
