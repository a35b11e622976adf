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

    private final Duration maxBackoff;
    private final RandomGenerator jitter;

    @Autowired
    NextFetchPolicy(IngestProperties properties, RandomGenerator jitter) {
        this(properties.maxBackoff(), jitter);
    }

    /** @param jitter where the spread of retries comes from; tests give a fixed one */
    NextFetchPolicy(Duration maxBackoff, RandomGenerator jitter) {
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
     * Exponential backoff with jitter (so sources that failed together do not retry together), capped; a
     * server's Retry-After is honoured as the wait when it gives one. The jitter shortens the wait by up to a
     * fifth rather than lengthening it, so it spreads retries even for sources that have reached the cap.
     */
    Instant afterFailure(Source source, Instant now, int consecutiveFailures, Duration retryAfter) {
        if (retryAfter != null) {
            Duration wait = retryAfter.compareTo(SHORTEST_RETRY) < 0 ? SHORTEST_RETRY : retryAfter;
            return now.plus(wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait);
        }
        int doublings = Math.min(Math.max(consecutiveFailures, 1), 20);
        double base = Math.min(source.interval().toMillis() * Math.pow(2, doublings), maxBackoff.toMillis());
        long millis = (long) (base * jitter.nextDouble(1 - JITTER, 1.0));
        return now.plusMillis(Math.max(millis, SHORTEST_RETRY.toMillis()));
    }
}
