package org.her2feeds.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The largest used heap seen while a phase runs, sampled every few milliseconds (pool peaks would add up
 * peaks of different moments), and the garbage collections the phase caused.
 */
final class HeapWatch implements AutoCloseable {

    record Heap(long peakBytes, long collections, long collectionMillis) {
        String describe() {
            return String.format(
                    java.util.Locale.ROOT,
                    "%d MB peak, %d GCs (%d ms)",
                    peakBytes >> 20,
                    collections,
                    collectionMillis);
        }
    }

    private final AtomicLong peak = new AtomicLong();
    private final Thread sampler;
    private final long gcCountBefore = gcCount();
    private final long gcTimeBefore = gcTime();
    private volatile boolean running = true;

    HeapWatch() {
        sampler = new Thread(
                () -> {
                    while (running) {
                        sample();
                        try {
                            Thread.sleep(5);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "heap-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        peak.accumulateAndGet(
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
    }

    Heap result() {
        sample();
        return new Heap(peak.get(), gcCount() - gcCountBefore, gcTime() - gcTimeBefore);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }

    /** Used heap after a full collection: what the application really keeps. */
    static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .sum();
    }

    private static long gcTime() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime)
                .sum();
    }
}
