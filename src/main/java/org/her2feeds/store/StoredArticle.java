package org.her2feeds.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.her2feeds.tagging.Discount;
import org.her2feeds.tagging.Evidence;
import org.her2feeds.tagging.TermHit;
import org.her2feeds.tagging.TopicTag;

/**
 * An article as stored.
 *
 * @param publishedAt  null when the feed gave no usable date
 * @param sortAt       the time the article is ordered and filed by: publication, or first sight without one
 * @param topics       the published topics (empty for articles that are not relevant)
 * @param relevanceHits the terms that made the article relevant (the explanation for operators)
 * @param discounted    relevance terms that were found but did not count (negative descriptors)
 * @param evidence      publication type, trials and drugs; null only for an article tagged before they existed and
 *                      not yet re-evaluated
 * @param notices       the corrections, retractions, expressions of concern and withdrawals that name the article
 */
public record StoredArticle(
        String id,
        String title,
        String url,
        String summaryHtml,
        String summaryText,
        List<String> authors,
        List<String> categories,
        String doi,
        String pmid,
        Instant publishedAt,
        Instant firstSeenAt,
        Instant updatedAt,
        Instant sortAt,
        LocalDate digestDate,
        boolean relevant,
        List<TermHit> relevanceHits,
        List<Discount> discounted,
        List<TopicTag> topics,
        Evidence evidence,
        List<ArticleOrigin> origins,
        List<NoticeRef> notices) {

    /** What the notices about the article make of it (retracted, concern, corrected), if any. */
    public Optional<ArticleStatus> status() {
        return ArticleStatus.of(notices);
    }

    public List<String> topicSlugs() {
        return topics.stream().map(TopicTag::slug).toList();
    }
}
