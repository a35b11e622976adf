package org.her2feeds.ingest;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the service reacts to what a fetch tells it.
 *
 * @param maxBackoff          the longest wait after repeated failures
 * @param firstRetry          the wait after a first failure, doubled by each further consecutive failure
 * @param maxItemsPerFetch    items of one fetched feed that are read (the first ones, in document order)
 * @param purgeIrrelevantAfter how long an article judged not relevant keeps its texts; after that only what
 *                            recognises it again is kept
 * @param redirectConfirmations on how many consecutive fetches a permanent redirect must be seen before the
 *                            source's stored URL follows it (one 301 may be a publisher's mistake)
 */
@Validated
@ConfigurationProperties("her2.ingest")
record IngestProperties(
        @NotNull @DefaultValue("24h") Duration maxBackoff,

        @NotNull @DurationMin(minutes = 1) @DefaultValue("2m")
        Duration firstRetry,

        @Min(1) @DefaultValue("500") int maxItemsPerFetch,

        @NotNull @DurationMin(millis = 1) @DefaultValue("30d")
        Duration purgeIrrelevantAfter,

        @Min(1) @DefaultValue("3") int redirectConfirmations) {}
