package org.her2feeds.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ArticleGaugesTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicReference<List<String>> topics = new AtomicReference<>(List.of("adc", "gastric"));
    private final AtomicLong version = new AtomicLong(1);
    private final AtomicInteger queries = new AtomicInteger();
    private final ArticleGauges gauges = new ArticleGauges(
            () -> {
                queries.incrementAndGet();
                return Map.of("adc", 7L, "breast", 3L);
            },
            version::get,
            topics::get,
            registry);

    @Test
    void oneSeriesPerTopicCountedOncePerArchiveChange() {
        assertThat(value("adc")).isEqualTo(7.0);
        assertThat(value("gastric")).isZero();
        assertThat(queries).hasValue(1);
        version.incrementAndGet();
        assertThat(value("adc")).isEqualTo(7.0);
        assertThat(queries).hasValue(2);
    }

    @Test
    void aReloadDropsTheSeriesOfRemovedTopicsAndAddsNewOnes() {
        topics.set(List.of("adc", "breast"));
        gauges.registerTopics();
        assertThat(registry.find("her2.articles").gauges())
                .extracting(gauge -> gauge.getId().getTag("topic"))
                .containsExactlyInAnyOrder("adc", "breast");
        assertThat(value("breast")).isEqualTo(3.0);
    }

    private double value(String topic) {
        Gauge gauge = registry.find("her2.articles").tag("topic", topic).gauge();
        assertThat(gauge).as("series for " + topic).isNotNull();
        return gauge.value();
    }
}
