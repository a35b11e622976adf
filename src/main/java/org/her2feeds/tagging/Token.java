package org.her2feeds.tagging;

/**
 * A run of letters and digits, or a {@code +}/{@code -} sign written against a word ({@code HR+},
 * {@code HER2-}), with its offsets in the normalised text.
 */
record Token(String text, Join joinBefore, int start, int end) {

    boolean isSign() {
        return text.equals("+") || text.equals("-");
    }
}
