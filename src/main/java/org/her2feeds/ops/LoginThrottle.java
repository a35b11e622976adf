package org.her2feeds.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed admin logins per client address and cuts an address off once it has failed too often within
 * the window: each failure costs a password hash, and guessing must stay slow.
 */
final class LoginThrottle {

    /** More addresses than any honest admin uses; past it the oldest records go, so memory stays bounded. */
    private static final int MAX_ADDRESSES = 10_000;

    private final int allowedFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

    LoginThrottle(int allowedFailures, Duration window, Clock clock) {
        this.allowedFailures = allowedFailures;
        this.window = window;
        this.clock = clock;
    }

    /** How long the address must still wait, or null when it may try. */
    Duration blockedFor(String address) {
        Failures failures = byAddress.get(address);
        if (failures == null) {
            return null;
        }
        Instant now = clock.instant();
        if (!now.isBefore(failures.since().plus(window))) {
            byAddress.remove(address, failures);
            return null;
        }
        return failures.count() >= allowedFailures
                ? Duration.between(now, failures.since().plus(window))
                : null;
    }

    void failed(String address) {
        Instant now = clock.instant();
        if (byAddress.size() >= MAX_ADDRESSES) {
            byAddress.values().removeIf(f -> !now.isBefore(f.since().plus(window)));
            if (byAddress.size() >= MAX_ADDRESSES) {
                byAddress.clear();
            }
        }
        byAddress.merge(
                address,
                new Failures(now, 1),
                (old, one) ->
                        now.isBefore(old.since().plus(window)) ? new Failures(old.since(), old.count() + 1) : one);
    }

    private record Failures(Instant since, int count) {}
}
