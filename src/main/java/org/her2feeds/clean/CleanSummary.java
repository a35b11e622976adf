package org.her2feeds.clean;

import java.util.Objects;

/**
 * A cleaned summary: {@code html} holds only the small safe subset of markup that {@link ContentCleaner} allows,
 * {@code text} the plain text of that same markup, at most {@link #MAX_TEXT_LENGTH} characters, and
 * {@code fullText} the same text at most {@link #MAX_FULL_TEXT_LENGTH} characters long.
 */
public record CleanSummary(String html, String text, String fullText) {

    /** Longest plain text kept for display; longer text is cut at a word boundary and ends with "…". */
    public static final int MAX_TEXT_LENGTH = 500;

    /**
     * Longest plain text kept for reading (relevance, identifiers): far more than any abstract, and a bound on
     * what one item can make the service hold and store.
     */
    public static final int MAX_FULL_TEXT_LENGTH = 20_000;

    public CleanSummary {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(fullText, "fullText");
    }

    static CleanSummary empty() {
        return new CleanSummary("", "", "");
    }
}
