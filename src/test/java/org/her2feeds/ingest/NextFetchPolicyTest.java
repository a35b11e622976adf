package org.her2feeds.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;
import org.her2feeds.sources.Source;
import org.junit.jupiter.api.Test;

class NextFetchPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private final Source source =
            new Source("s", "S", URI.create("https://feeds.example/s"), Duration.ofMinutes(30), true, null);
    private final NextFetchPolicy policy =
            new NextFetchPolicy(Duration.ofMinutes(2), Duration.ofHours(24), new java.util.Random(13));

    /** A DNS hiccup on a 12-hour source: retried within minutes, not 20 hours later. */
    @Test
    void aFirstFailureIsRetriedWithinMinutesAndNeverAfterTheNextRegularFetch() {
        for (Duration interval : new Duration[] {Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(12)}) {
            Source slow = new Source("s", "S", URI.create("https://feeds.example/s"), interval, true, null);
            for (int sample = 0; sample < 50; sample++) {
                Instant next = policy.afterFailure(slow, NOW, 1, null);
                assertThat(next).isBetween(NOW.plus(Duration.ofSeconds(96)), NOW.plus(Duration.ofMinutes(2)));
                assertThat(next).isBeforeOrEqualTo(NOW.plus(interval));
            }
        }
        Source everyMinute = new Source("s", "S", URI.create("file:/feeds/s.xml"), Duration.ofMinutes(1), true, null);
        assertThat(policy.afterFailure(everyMinute, NOW, 1, null)).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
    }

    @Test
    void eachFailureDoublesTheWaitLessUpToAFifthOfJitter() {
        for (int failures = 1; failures <= 5; failures++) {
            Duration full = Duration.ofMinutes(2).multipliedBy(1L << (failures - 1));
            for (int sample = 0; sample < 50; sample++) {
                assertThat(policy.afterFailure(source, NOW, failures, null))
                        .isBetween(NOW.plus(full.multipliedBy(4).dividedBy(5)), NOW.plus(full));
            }
        }
    }

    @Test
    void theWaitNeverExceedsTheCapAndStillSpreads() {
        var waits = new java.util.HashSet<Instant>();
        for (int sample = 0; sample < 50; sample++) {
            Instant next = policy.afterFailure(source, NOW, 40, null);
            assertThat(next).isBetween(NOW.plus(Duration.ofMinutes(24 * 48)), NOW.plus(Duration.ofHours(24)));
            waits.add(next);
        }
        assertThat(waits).as("sources failing together retry apart").hasSizeGreaterThan(1);
    }

    @Test
    void theJitterComesFromTheInjectedGeneratorAndOnlyShortensTheWait() {
        Duration full = Duration.ofMinutes(2).multipliedBy(8);
        RandomGenerator lowest = () -> 0L;
        assertThat(new NextFetchPolicy(Duration.ofMinutes(2), Duration.ofHours(24), lowest)
                        .afterFailure(source, NOW, 4, null))
                .isEqualTo(NOW.plus(full.multipliedBy(4).dividedBy(5)));
        RandomGenerator highest = () -> -1L;
        Instant longest = new NextFetchPolicy(Duration.ofMinutes(2), Duration.ofHours(24), highest)
                .afterFailure(source, NOW, 4, null);
        assertThat(longest).isBefore(NOW.plus(full)).isAfter(NOW.plus(full).minusSeconds(1));
    }

    @Test
    void retryAfterIsTheWaitWithinAMinuteAndTheCap() {
        assertThat(policy.afterFailure(source, NOW, 1, Duration.ofHours(3))).isEqualTo(NOW.plus(Duration.ofHours(3)));
        assertThat(policy.afterFailure(source, NOW, 1, Duration.ZERO)).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
        assertThat(policy.afterFailure(source, NOW, 1, Duration.ofDays(9))).isEqualTo(NOW.plus(Duration.ofHours(24)));
    }

    @Test
    void aSuccessUsesTheIntervalLengthenedButNeverShortenedByThePublisher() {
        assertThat(policy.afterSuccess(source, NOW, null)).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(policy.afterSuccess(source, NOW, Duration.ofMinutes(1))).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(policy.afterSuccess(source, NOW, Duration.ofHours(2))).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(policy.afterSuccess(source, NOW, Duration.ofDays(7))).isEqualTo(NOW.plus(Duration.ofHours(24)));
    }
}
