package org.her2feeds.ops;

import java.time.OffsetDateTime;

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
        String kind,
        String interval,
        boolean enabled,
        OffsetDateTime lastAttemptAt,
        OffsetDateTime lastSuccessAt,
        Integer lastStatus,
        String lastError,
        int consecutiveFailures,
        OffsetDateTime nextFetchAt,
        String disabledReason) {}
