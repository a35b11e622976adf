package org.her2feeds.fetch;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Caps concurrent requests per host name so that many sources on one publisher are never all fetched at once.
 * One semaphore per host seen; the set of hosts is bounded by the configured sources.
 */
final class HostPermits {

    private final int perHost;
    private final ConcurrentMap<String, Semaphore> byHost = new ConcurrentHashMap<>();

    HostPermits(int perHost) {
        if (perHost < 1) {
            throw new IllegalArgumentException("maxConcurrentPerHost must be at least 1, was " + perHost);
        }
        this.perHost = perHost;
    }

    /** Waits up to {@code wait} for a slot; returns null when none came free in time. */
    Permit acquire(String host, Duration wait) throws InterruptedException {
        // Fair, so a fetch that has waited longest for a busy host goes next instead of starving.
        Semaphore semaphore = byHost.computeIfAbsent(key(host), h -> new Semaphore(perHost, true));
        if (!semaphore.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
            return null;
        }
        return new Permit(semaphore);
    }

    /** Fetches currently queued for a slot on this host (an estimate, as {@link Semaphore#getQueueLength()}). */
    int waiting(String host) {
        Semaphore semaphore = byHost.get(key(host));
        return semaphore == null ? 0 : semaphore.getQueueLength();
    }

    private static String key(String host) {
        return host.toLowerCase(Locale.ROOT);
    }

    static final class Permit implements AutoCloseable {
        private final Semaphore semaphore;
        private boolean released;

        private Permit(Semaphore semaphore) {
            this.semaphore = semaphore;
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                semaphore.release();
            }
        }
    }
}
