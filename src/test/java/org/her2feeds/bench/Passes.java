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

    record Result(String name, long items, List<Double> rates, HeapWatch.Heap heap) {
        double median() {
            List<Double> sorted = new ArrayList<>(rates);
            sorted.sort(null);
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }

        String spread() {
            return String.format(Locale.ROOT, "%.0f-%.0f", rates.stream().mapToDouble(d -> d).min().orElse(0),
                    rates.stream().mapToDouble(d -> d).max().orElse(0));
        }
    }

    private Passes() {
    }

    static Result measure(String name, int warmups, int passes, Reset reset, Pass pass) throws Exception {
        for (int i = 0; i < warmups; i++) {
            reset.run();
            pass.run();
        }
        List<Double> rates = new ArrayList<>();
        long items = 0;
        try (HeapWatch heap = new HeapWatch()) {
            for (int i = 0; i < passes; i++) {
                reset.run();
                long start = System.nanoTime();
                items = pass.run();
                double seconds = (System.nanoTime() - start) / 1e9;
                rates.add(items / seconds);
                System.out.printf(Locale.ROOT, "  %-34s pass %d: %,d items in %.2f s = %,.0f items/s%n", name, i + 1, items, seconds, items / seconds);
            }
            return new Result(name, items, rates, heap.result());
        }
    }

    static Result measure(String name, int warmups, int passes, Pass pass) throws Exception {
        return measure(name, warmups, passes, () -> { }, pass);
    }
}
