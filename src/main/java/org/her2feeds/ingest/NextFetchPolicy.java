package org.her2feeds.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import org.her2feeds.sources.Source;

/** When to fetch a source again, after a success or a failure. */
final class NextFetchPolicy {

    /** The publisher may ask for a longer interval; more than a day would hide news for too long. */
    private static final Duration LONGEST_REQUESTED_INTERVAL = Duration.ofHours(24);
    private static final Duration SHORTEST_RETRY = Duration.ofMinutes(1);

    private final Duration maxBackoff;

    NextFetchPolicy(Duration maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    /** The source's interval, lengthened (never shortened) by the feed's ttl or the server's max-age. */
    Instant afterSuccess(Source source, Instant now, Duration requested) {
        Duration interval = source.interval();
        if (requested != null && requested.compareTo(interval) > 0) {
            interval = requested.compareTo(LONGEST_REQUESTED_INTERVAL) > 0 ? LONGEST_REQUESTED_INTERVAL : requested;
        }
        return now.plus(interval);
    }

    /**
     * Exponential backoff with jitter (so sources that failed together do not retry together), capped; a
     * server's Retry-After is honoured as the wait when it gives one.
     */
    Instant afterFailure(Source source, Instant now, int consecutiveFailures, Duration retryAfter) {
        if (retryAfter != null) {
            Duration wait = retryAfter.compareTo(SHORTEST_RETRY) < 0 ? SHORTEST_RETRY : retryAfter;
            return now.plus(wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait);
        }
        int doublings = Math.min(Math.max(consecutiveFailures, 1), 20);
        double base = source.interval().toMillis() * Math.pow(2, doublings);
        double jittered = base * ThreadLocalRandom.current().nextDouble(1.0, 1.25);
        long millis = (long) Math.min(jittered, maxBackoff.toMillis());
        return now.plusMillis(Math.max(millis, SHORTEST_RETRY.toMillis()));
    }
}
