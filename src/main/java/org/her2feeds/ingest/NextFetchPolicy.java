package org.her2feeds.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;
import org.her2feeds.sources.Source;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** When to fetch a source again, after a success or a failure. */
@Component
final class NextFetchPolicy {

    /** The publisher may ask for a longer interval; more than a day would hide news for too long. */
    private static final Duration LONGEST_REQUESTED_INTERVAL = Duration.ofHours(24);

    private static final Duration SHORTEST_RETRY = Duration.ofMinutes(1);
    private static final double JITTER = 0.2;

    private final Duration firstRetry;
    private final Duration maxBackoff;
    private final RandomGenerator jitter;

    @Autowired
    NextFetchPolicy(IngestProperties properties, RandomGenerator jitter) {
        this(properties.firstRetry(), properties.maxBackoff(), jitter);
    }

    /** @param jitter where the spread of retries comes from; tests give a fixed one */
    NextFetchPolicy(Duration firstRetry, Duration maxBackoff, RandomGenerator jitter) {
        this.firstRetry = firstRetry;
        this.maxBackoff = maxBackoff;
        this.jitter = jitter;
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
     * Exponential backoff from a short first retry (most failures are transient: a DNS hiccup, a restart), with
     * jitter (so sources that failed together do not retry together), capped; a server's Retry-After is honoured
     * as the wait when it gives one. A first failure never waits past the source's next regular fetch. The jitter
     * shortens the wait by up to a fifth rather than lengthening it, so it spreads retries even at the cap.
     */
    Instant afterFailure(Source source, Instant now, int consecutiveFailures, Duration retryAfter) {
        if (retryAfter != null) {
            Duration wait = retryAfter.compareTo(SHORTEST_RETRY) < 0 ? SHORTEST_RETRY : retryAfter;
            return now.plus(wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait);
        }
        int doublings = Math.min(Math.max(consecutiveFailures, 1) - 1, 30);
        double base = Math.min(firstRetry.toMillis() * Math.pow(2, doublings), maxBackoff.toMillis());
        if (consecutiveFailures <= 1) {
            base = Math.min(base, source.interval().toMillis());
        }
        long millis = (long) (base * jitter.nextDouble(1 - JITTER, 1.0));
        return now.plusMillis(Math.max(millis, SHORTEST_RETRY.toMillis()));
    }
}
