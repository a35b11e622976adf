package org.her2feeds.ops;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import org.her2feeds.sources.SourceKind;

/**
 * What an operator needs to know about one source: where it is fetched from now and how its last fetches went.
 *
 * @param url                 the URL fetched now: the configured one, or where a confirmed permanent redirect led
 * @param interval            ISO-8601 duration, e.g. {@code PT30M}
 * @param enabled             false when disabled in the sources file or retired by the
 *                            service (see {@code disabledReason})
 * @param lastStatus          HTTP status of the last fetch (200/304 for file: sources), null when no response arrived
 * @param lastError           the last fetch's error as "Class: one-line message", null after a success
 * @param consecutiveFailures failed fetches since the last success
 * @param nextFetchAt         when the source will be fetched next, null when it will not be (disabled, gone)
 * @param disabledReason      why the service stopped fetching a listed source (e.g. 410 Gone), else null
 */
record SourceReport(
        String id,
        String title,
        String url,
        @Schema(implementation = SourceKind.class) String kind,
        String interval,
        boolean enabled,
        @Schema(nullable = true) OffsetDateTime lastAttemptAt,
        @Schema(nullable = true) OffsetDateTime lastSuccessAt,
        @Schema(nullable = true) Integer lastStatus,
        @Schema(nullable = true) String lastError,
        int consecutiveFailures,
        @Schema(nullable = true) OffsetDateTime nextFetchAt,
        @Schema(nullable = true) String disabledReason) {}
