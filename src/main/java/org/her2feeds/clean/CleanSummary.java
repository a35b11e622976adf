package org.her2feeds.clean;

import java.util.Objects;

/**
 * A cleaned summary: {@code html} holds only the small safe subset of markup that {@link ContentCleaner} allows,
 * {@code text} the plain text of that same markup, at most {@link #MAX_TEXT_LENGTH} characters.
 */
public record CleanSummary(String html, String text) {

    /** Longest plain text kept; longer text is cut at a word boundary and ends with "…". */
    public static final int MAX_TEXT_LENGTH = 500;

    public CleanSummary {
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(text, "text");
    }

    static CleanSummary empty() {
        return new CleanSummary("", "");
    }
}
