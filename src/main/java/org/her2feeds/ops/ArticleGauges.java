package org.her2feeds.ops;

import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.her2feeds.store.ArticleQueries;
import org.her2feeds.store.ArticleVersion;
import org.her2feeds.tagging.Tagger;
import org.her2feeds.tagging.TopicDefinition;
import org.springframework.stereotype.Component;

/**
 * The gauge {@code her2.articles} (published articles per topic). Counted again only when the archive's change
 * counter moved since the last scrape, so scraping an unchanged archive costs no query.
 */
@Component
public class ArticleGauges {

    private final ArticleQueries queries;
    private final ArticleVersion version;
    private final MeterRegistry registry;
    private final Tagger tagger;
    private long countedAt = -1;
    private Map<String, Long> counts = Map.of();

    public ArticleGauges(ArticleQueries queries, ArticleVersion version, MeterRegistry registry, Tagger tagger) {
        this.queries = queries;
        this.version = version;
        this.registry = registry;
        this.tagger = tagger;
        registerTopics();
    }

    /** Adds a gauge for each topic of the current rules; called again after the rules are reloaded. */
    public void registerTopics() {
        for (TopicDefinition topic : tagger.topics()) {
            Gauge.builder("her2.articles", this, gauges -> gauges.count(topic.slug()))
                    .description("Published articles per topic").tag("topic", topic.slug()).register(registry);
        }
    }

    private synchronized long count(String slug) {
        long current = version.current();
        if (current != countedAt) {
            counts = queries.topicCounts();
            countedAt = current;
        }
        return counts.getOrDefault(slug, 0L);
    }
}
