package org.her2feeds;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs work that brings something in line with the archive (a static copy, a comparison of feeds for the hub) on
 * one background thread, at most one run waiting behind the one in progress. Requests that arrive while a run is
 * waiting are dropped: that run starts later and sees their changes too, so a burst of changes costs two runs, not
 * one per change, and the caller never waits.
 */
public final class CoalescingWorker {

    private final ThreadPoolExecutor executor;

    /** A worker whose thread is named after what it does, e.g. {@code websub}. */
    public CoalescingWorker(String name) {
        this.executor = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(1),
                DaemonThreads.named(name),
                new ThreadPoolExecutor.DiscardPolicy());
    }

    /** Runs the task soon, unless a run is already waiting (that one will do). Never blocks. */
    public void request(Runnable task) {
        executor.execute(task);
    }

    /** Stops the thread; a run in progress is interrupted, a waiting one dropped. */
    public void stop() {
        executor.shutdownNow();
    }
}
