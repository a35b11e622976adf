package org.her2feeds.fetch;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Aborts one request at the fetch deadline. Socket timeouts cannot do it: a server trickling a byte now and
 * then resets them forever, so a timer aborts the exchange, which ends any blocked connect or read.
 */
final class Watchdog implements AutoCloseable {

    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int EXPIRED = 2;

    private final AtomicInteger state = new AtomicInteger(RUNNING);
    private final ScheduledFuture<?> timer;

    Watchdog(ScheduledExecutorService timers, Duration remaining, Runnable abort) {
        this.timer = timers.schedule(
                () -> {
                    if (state.compareAndSet(RUNNING, EXPIRED)) {
                        abort.run();
                    }
                },
                remaining.toNanos(),
                TimeUnit.NANOSECONDS);
    }

    /** True when the deadline passed and the request was aborted. */
    boolean expired() {
        return state.get() == EXPIRED;
    }

    /**
     * Ends the watch; false when the deadline came first. An aborted stream reads as a clean end, so only this
     * tells a complete body from a cut one.
     */
    boolean finish() {
        return state.compareAndSet(RUNNING, DONE) || state.get() == DONE;
    }

    @Override
    public void close() {
        state.compareAndSet(RUNNING, DONE);
        timer.cancel(false);
    }
}
