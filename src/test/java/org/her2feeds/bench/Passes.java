package org.her2feeds.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Runs a pass a few times after warm-up and keeps the median: one slow pass on a shared machine is noise. */
final class Passes {

    interface Pass {
        /** Runs once; returns how many items it handled. */
        long run() throws Exception;
    }

    interface Reset {
        void run() throws Exception;
    }

    /**
     * @param rates    items per wall-clock second, one per pass
     * @param cpuRates items per second of process CPU time (all threads: JIT, GC and pools included), one per
     *                 pass; steadier than wall-clock time on a machine shared with other work
     */
    record Result(String name, long items, List<Double> rates, List<Double> cpuRates, HeapWatch.Heap heap) {
        double median() {
            return medianOf(rates);
        }

        double cpuMedian() {
            return medianOf(cpuRates);
        }

        private static double medianOf(List<Double> values) {
            List<Double> sorted = new ArrayList<>(values);
            sorted.sort(null);
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }

        String spread() {
            return String.format(
                    Locale.ROOT,
                    "%.0f-%.0f",
                    rates.stream().mapToDouble(d -> d).min().orElse(0),
                    rates.stream().mapToDouble(d -> d).max().orElse(0));
        }
    }

    private static final com.sun.management.OperatingSystemMXBean OS = (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private Passes() {}

    static Result measure(String name, int warmups, int passes, Reset reset, Pass pass) throws Exception {
        for (int i = 0; i < warmups; i++) {
            reset.run();
            pass.run();
        }
        List<Double> rates = new ArrayList<>();
        List<Double> cpuRates = new ArrayList<>();
        long items = 0;
        try (HeapWatch heap = new HeapWatch()) {
            for (int i = 0; i < passes; i++) {
                reset.run();
                long cpuStart = OS.getProcessCpuTime();
                long start = System.nanoTime();
                items = pass.run();
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (OS.getProcessCpuTime() - cpuStart) / 1e9;
                rates.add(items / seconds);
                cpuRates.add(items / cpuSeconds);
                System.out.printf(
                        Locale.ROOT,
                        "  %-34s pass %d: %,d items in %.2f s = %,.0f items/s (%.2f CPU s = %,.0f items/CPU s)%n",
                        name,
                        i + 1,
                        items,
                        seconds,
                        items / seconds,
                        cpuSeconds,
                        items / cpuSeconds);
            }
            return new Result(name, items, rates, cpuRates, heap.result());
        }
    }

    static Result measure(String name, int warmups, int passes, Pass pass) throws Exception {
        return measure(name, warmups, passes, () -> {}, pass);
    }
}
