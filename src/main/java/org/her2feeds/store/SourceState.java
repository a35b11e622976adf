package org.her2feeds.store;

import java.time.Instant;

/**
 * What the service remembers about one source between fetches.
 *
 * @param configuredUrl  the URL in sources.yml when this state was written
 * @param currentUrl     the URL fetched now: the configured one, or where a lasting permanent redirect led
 * @param disabledReason why the source is not fetched although it is listed (410 Gone, paused); null when active
 * @param redirectTarget a permanent redirect seen on the last fetches, not yet adopted
 * @param redirectStreak on how many consecutive fetches {@code redirectTarget} was seen
 */
public record SourceState(String sourceId, String configuredUrl, String currentUrl, String etag, String lastModified, Instant lastAttemptAt,
        Instant lastSuccessAt, Integer lastStatus, String lastError, int consecutiveFailures, Instant nextFetchAt,
        String disabledReason, String redirectTarget, int redirectStreak) {

    public static SourceState initial(String sourceId) {
        return new SourceState(sourceId, null, null, null, null, null, null, null, null, 0, null, null, null, 0);
    }
}
