package org.her2feeds.fetch;

import java.time.Duration;

/** The moment a whole fetch must be over, on the monotonic clock. */
record Deadline(long startNanos, long endNanos) {

    static Deadline after(Duration total) {
        long now = System.nanoTime();
        return new Deadline(now, now + total.toNanos());
    }

    Duration remaining() {
        return Duration.ofNanos(Math.max(0, endNanos - System.nanoTime()));
    }

    boolean passed() {
        return endNanos - System.nanoTime() <= 0;
    }

    Duration total() {
        return Duration.ofNanos(endNanos - startNanos);
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
