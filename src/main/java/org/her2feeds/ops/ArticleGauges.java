package org.her2feeds.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.her2feeds.store.ArticleQueries;
import org.her2feeds.store.ArticleVersion;
import org.her2feeds.tagging.Tagger;
import org.her2feeds.tagging.TopicDefinition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The gauge {@code her2.articles} (published articles per topic), one series per topic of the current rules: a
 * topic removed by a reload loses its series. Counted again only when the archive's change counter moved since
 * the last scrape, so scraping an unchanged archive costs no query.
 */
@Component
class ArticleGauges {

    private final Supplier<Map<String, Long>> topicCounts;
    private final LongSupplier version;
    private final Supplier<List<String>> topics;
    private final MultiGauge gauge;
    private long countedAt = -1;
    private Map<String, Long> counts = Map.of();

    @Autowired
    ArticleGauges(ArticleQueries queries, ArticleVersion version, MeterRegistry registry, Tagger tagger) {
        this(
                queries::topicCounts,
                version::current,
                () -> tagger.topics().stream().map(TopicDefinition::slug).toList(),
                registry);
    }

    /**
     * @param topicCounts published articles by topic slug (a query)
     * @param version     the archive's change counter
     * @param topics      the slugs of the current rules' topics
     */
    ArticleGauges(
            Supplier<Map<String, Long>> topicCounts,
            LongSupplier version,
            Supplier<List<String>> topics,
            MeterRegistry registry) {
        this.topicCounts = topicCounts;
        this.version = version;
        this.topics = topics;
        this.gauge = MultiGauge.builder("her2.articles")
                .description("Published articles per topic")
                .register(registry);
        registerTopics();
    }

    /**
     * One series for each topic of the current rules, and none for others; called again after the rules are reloaded.
     */
    void registerTopics() {
        gauge.register(
                topics.get().stream()
                        .map(slug -> MultiGauge.Row.of(Tags.of("topic", slug), this, gauges -> gauges.count(slug)))
                        .toList(),
                true);
    }

    private synchronized long count(String slug) {
        long current = version.getAsLong();
        if (current != countedAt) {
            counts = topicCounts.get();
            countedAt = current;
        }
        return counts.getOrDefault(slug, 0L);
    }
}
