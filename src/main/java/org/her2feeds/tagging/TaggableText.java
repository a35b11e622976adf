package org.her2feeds.tagging;

import java.util.List;

/**
 * The cleaned text of one article that the tagger reads: no markup, no scripts. Each field is read whole, up to
 * {@link #MAX_FIELD_LENGTH} characters: relevance is judged on what the article says, not on a display excerpt.
 *
 * @param summary the description's text (matches in it are reported as field "summary")
 * @param content    the full content's text when the feed gives it besides the description (field "content")
 * @param sourceKind the kind of the source that carries the article ({@code journal}, {@code news}, …), or null
 *                   when unknown: publication types are partly decided by it
 * @param link       the article's own link, or null: a registry record's link names the trial it registers
 */
public record TaggableText(
        String title, String summary, String content, List<String> categories, String sourceKind, String link) {

    /** Far longer than any abstract; bounds the work one item can cost. */
    public static final int MAX_FIELD_LENGTH = 20_000;

    public TaggableText {
        title = bounded(title);
        summary = bounded(summary);
        content = bounded(content);
        categories = categories == null
                ? List.of()
                : categories.stream().map(TaggableText::bounded).toList();
    }

    public TaggableText(String title, String summary, String content, List<String> categories, String sourceKind) {
        this(title, summary, content, categories, sourceKind, null);
    }

    public TaggableText(String title, String summary, String content, List<String> categories) {
        this(title, summary, content, categories, null);
    }

    public TaggableText(String title, String summary, List<String> categories) {
        this(title, summary, "", categories, null);
    }

    private static String bounded(String text) {
        if (text == null) {
            return "";
        }
        if (text.length() <= MAX_FIELD_LENGTH) {
            return text;
        }
        int end = Character.isLowSurrogate(text.charAt(MAX_FIELD_LENGTH)) ? MAX_FIELD_LENGTH - 1 : MAX_FIELD_LENGTH;
        return text.substring(0, end);
    }
}
