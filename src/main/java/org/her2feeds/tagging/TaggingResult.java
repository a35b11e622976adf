package org.her2feeds.tagging;

import java.util.List;
import java.util.Optional;

/**
 * What the tagger decided about one article.
 *
 * <p>Topics are computed for every article, relevant or not, so that stored articles can be inspected; only
 * relevant articles are meant to be published with them.
 *
 * @param relevant       whether the article concerns HER2
 * @param relevanceHits  the terms that made it relevant, with the field each was found in (empty when not relevant)
 * @param discounted     relevance terms that matched but were cancelled as negative descriptors
 * @param topics         topics in rules-file order, each with its matched terms
 * @param evidence       publication type, trials and drugs; null in results stored before they were computed
 */
public record TaggingResult(
        boolean relevant,
        List<TermHit> relevanceHits,
        List<Discount> discounted,
        List<TopicTag> topics,
        Evidence evidence) {

    public TaggingResult {
        relevanceHits = List.copyOf(relevanceHits);
        // Absent in results stored before discounted terms were recorded.
        discounted = discounted == null ? List.of() : List.copyOf(discounted);
        topics = List.copyOf(topics);
    }

    public TaggingResult(
            boolean relevant, List<TermHit> relevanceHits, List<Discount> discounted, List<TopicTag> topics) {
        this(relevant, relevanceHits, discounted, topics, null);
    }

    public TaggingResult(boolean relevant, List<TermHit> relevanceHits, List<TopicTag> topics) {
        this(relevant, relevanceHits, List.of(), topics, null);
    }

    public Optional<TopicTag> topic(String slug) {
        return topics.stream().filter(t -> t.slug().equals(slug)).findFirst();
    }
}
