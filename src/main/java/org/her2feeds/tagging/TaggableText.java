package org.her2feeds.tagging;

import java.util.List;

/** The cleaned text of one article that the tagger reads: no markup, no scripts. */
public record TaggableText(String title, String summary, List<String> categories) {

    public TaggableText {
        title = title == null ? "" : title;
        summary = summary == null ? "" : summary;
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
