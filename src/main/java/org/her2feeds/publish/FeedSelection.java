package org.her2feeds.publish;

import java.util.Set;
import org.her2feeds.store.ArticleFilter;

/**
 * A reader's validated choice of articles.
 *
 * @param topics    topic slugs, any of them; empty for all topics
 * @param sourceIds the sources of the requested kinds; null when no kind was asked for
 * @param evidence  the publication types, trials and drugs asked for
 */
record FeedSelection(Set<String> topics, Set<String> sourceIds, ArticleFilter.EvidenceFilter evidence, int limit) {

    FeedSelection {
        topics = Set.copyOf(topics);
        sourceIds = sourceIds == null ? null : Set.copyOf(sourceIds);
    }

    ArticleFilter filter() {
        return new ArticleFilter(topics, sourceIds, null, null, null, evidence);
    }
}
