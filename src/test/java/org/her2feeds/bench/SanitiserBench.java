package org.her2feeds.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.her2feeds.clean.CleanSummary;
import org.her2feeds.clean.ContentCleaner;
import org.her2feeds.parse.FeedParser;
import org.her2feeds.parse.ParsedEntry;

/**
 * Cleaning summaries alone (issue 12): the summaries of the bench corpus, read once, then cleaned pass after pass by
 * each sanitiser in turn, so that every sanitiser sees the same load. Each figure is this thread's CPU time and
 * allocation per summary, the median of the passes after warm-up.
 */
final class SanitiserBench {

    /** A summary as ingest hands it to the cleaner: the feed's HTML and the base URI its xml:base gives. */
    record Summary(String html, URI base) {}

    /** What a sanitiser makes of one summary: safe HTML and its plain text. */
    record Output(String html, String text) {}

    interface Sanitiser {
        Output clean(Summary summary);
    }

    /** Median CPU microseconds and allocated kilobytes per summary of one sanitiser. */
    record Figure(String name, double cpuMicros, double allocatedKb, List<Double> cpuPasses) {}

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private SanitiserBench() {}

    /** Every item's summary in the corpus, as StageSplit hands it to the cleaner. */
    static List<Summary> summaries(List<Path> feeds) throws Exception {
        FeedParser parser = new FeedParser();
        ContentCleaner cleaner = new ContentCleaner();
        List<Summary> summaries = new ArrayList<>();
        for (Path feed : feeds) {
            for (ParsedEntry entry :
                    parser.parse(Files.readAllBytes(feed), null, feed.toUri()).entries()) {
                URI base = cleaner.base(null, entry.xmlBases()).orElse(null);
                summaries.add(new Summary(entry.summaryHtml(), base));
            }
        }
        return summaries;
    }

    /** The project's cleaner, as ingest calls it. */
    static Sanitiser project() {
        ContentCleaner cleaner = new ContentCleaner();
        return summary -> {
            CleanSummary clean = cleaner.summary(summary.html(), summary.base());
            return new Output(clean.html(), clean.fullText());
        };
    }

    /** Runs every sanitiser over every summary, {@code warmups + passes} rounds, the sanitisers taking turns. */
    static List<Figure> measure(Map<String, Sanitiser> sanitisers, List<Summary> summaries, int warmups, int passes) {
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        Map<String, List<Double>> allocated = new LinkedHashMap<>();
        sanitisers.keySet().forEach(name -> {
            cpu.put(name, new ArrayList<>());
            allocated.put(name, new ArrayList<>());
        });
        for (int round = 0; round < warmups + passes; round++) {
            for (Map.Entry<String, Sanitiser> entry : sanitisers.entrySet()) {
                Sanitiser sanitiser = entry.getValue();
                long sink = 0;
                long bytes = THREADS.getCurrentThreadAllocatedBytes();
                long start = THREADS.getCurrentThreadCpuTime();
                for (Summary summary : summaries) {
                    sink += sanitiser.clean(summary).html().length();
                }
                double micros = (THREADS.getCurrentThreadCpuTime() - start) / 1e3 / summaries.size();
                double kb = (THREADS.getCurrentThreadAllocatedBytes() - bytes) / 1024.0 / summaries.size();
                System.out.printf(
                        Locale.ROOT,
                        "  sanitisers %s %d: %-22s %.1f CPU µs, %.1f KB allocated per summary (%,d chars out)%n",
                        round < warmups ? "warm-up" : "pass",
                        round < warmups ? round + 1 : round - warmups + 1,
                        entry.getKey(),
                        micros,
                        kb,
                        sink);
                if (round >= warmups) {
                    cpu.get(entry.getKey()).add(micros);
                    allocated.get(entry.getKey()).add(kb);
                }
            }
        }
        List<Figure> figures = new ArrayList<>();
        for (String name : sanitisers.keySet()) {
            figures.add(new Figure(name, median(cpu.get(name)), median(allocated.get(name)), cpu.get(name)));
        }
        return figures;
    }

    /** Visible text for comparing sanitisers: every run of spaces of any kind made one space, and trimmed. */
    static String normalizeSpace(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = !out.isEmpty();
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * How many summaries two sanitisers leave with different visible text (spaces normalised), and {@code examples}
     * of them spread evenly over the list (the first ones tend to be alike), each cut around its first difference.
     */
    static List<String> textDifferences(Sanitiser first, Sanitiser second, List<Summary> summaries, int examples) {
        List<String> differences = new ArrayList<>();
        for (Summary summary : summaries) {
            String a = normalizeSpace(first.clean(summary).text());
            String b = normalizeSpace(second.clean(summary).text());
            if (!a.equals(b)) {
                int at = 0;
                while (at < a.length() && at < b.length() && a.charAt(at) == b.charAt(at)) {
                    at++;
                }
                differences.add("- first: \"…" + around(a, at) + "…\"; second: \"…" + around(b, at) + "…\"");
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT,
                "Visible text differs in %,d of %,d summaries (%.2f %%)",
                differences.size(),
                summaries.size(),
                100.0 * differences.size() / summaries.size()));
        int shown = Math.min(examples, differences.size());
        for (int i = 0; i < shown; i++) {
            lines.add(differences.get(i * differences.size() / shown));
        }
        return lines;
    }

    private static String around(String text, int at) {
        return text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 60));
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The report's table: one row per sanitiser, with its ratio to the first. */
    static List<String> table(List<Figure> figures, int summaries) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT,
                "## Cleaning summaries alone (%,d summaries of the corpus; this thread's CPU, median of %d passes)%n",
                summaries,
                figures.get(0).cpuPasses().size()));
        lines.add("| sanitiser | CPU µs/summary | passes | KB allocated/summary | × first |");
        lines.add("|---|---:|---|---:|---:|");
        Figure first = figures.get(0);
        for (Figure figure : figures) {
            lines.add(String.format(
                    Locale.ROOT,
                    "| %s | %.1f | %s | %.1f | %.2f |",
                    figure.name(),
                    figure.cpuMicros(),
                    figure.cpuPasses().stream()
                            .map(d -> String.format(Locale.ROOT, "%.1f", d))
                            .toList(),
                    figure.allocatedKb(),
                    figure.cpuMicros() / first.cpuMicros()));
        }
        return lines;
    }
}
