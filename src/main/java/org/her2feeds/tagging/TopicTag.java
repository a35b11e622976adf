package org.her2feeds.tagging;

import java.util.List;

/** A topic assigned to an article, with the terms that earned it (the explanation shown to readers). */
public record TopicTag(String slug, String label, List<TermHit> matched) {

    public TopicTag {
        matched = List.copyOf(matched);
    }
}
