package org.her2feeds.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.her2feeds.ingest.IngestCompleted;
import org.her2feeds.ingest.IngestOutcome;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Counts what every fetch did, per source: {@code her2.fetches} (outcome {@code ok}, {@code not_modified} or
 * {@code failed}), {@code her2.fetch.duration}, and {@code her2.items} by result (new, updated, unchanged,
 * duplicate, irrelevant, rejected). Fed by the ingest's {@link IngestCompleted} events, so the ingest does not
 * know about metrics.
 */
@Component
class FetchMetrics {

    private final MeterRegistry registry;

    public FetchMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @EventListener
    public void record(IngestCompleted event) {
        IngestOutcome outcome = event.outcome();
        String source = outcome.sourceId();
        registry.counter("her2.fetches", "source", source, "outcome", outcome(outcome))
                .increment();
        Timer.builder("her2.fetch.duration")
                .description("Time to fetch, parse, clean, tag and store one source")
                .tag("source", source)
                .register(registry)
                .record(outcome.duration());
        count(source, "new", outcome.added());
        count(source, "updated", outcome.updated());
        count(source, "unchanged", outcome.unchanged());
        count(source, "duplicate", outcome.duplicates());
        count(source, "irrelevant", outcome.irrelevant());
        count(source, "rejected", outcome.rejected());
    }

    private void count(String source, String result, int items) {
        registry.counter("her2.items", "source", source, "result", result).increment(items);
    }

    static String outcome(IngestOutcome outcome) {
        if (!outcome.succeeded()) {
            return "failed";
        }
        return Integer.valueOf(304).equals(outcome.status()) ? "not_modified" : "ok";
    }
}
