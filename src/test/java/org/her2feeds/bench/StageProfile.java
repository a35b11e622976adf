package org.her2feeds.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.her2feeds.clean.CleanSummary;
import org.her2feeds.clean.ContentCleaner;
import org.her2feeds.parse.FeedParser;
import org.her2feeds.parse.ParsedEntry;
import org.her2feeds.parse.ParsedFeed;
import org.her2feeds.tagging.TaggableText;
import org.her2feeds.tagging.Tagger;

/**
 * Where an item's CPU time goes before it reaches the database: parse, clean (summary, plain texts, link) and
 * tag, measured on this thread's CPU clock so other work on the machine does not count. Runs over a corpus
 * the benchmark generated: {@code java -cp ... org.her2feeds.bench.StageProfile target/bench-corpus [rounds]}.
 */
public final class StageProfile {

    private StageProfile() {}

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "target/bench-corpus");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        List<Path> files;
        try (var stream = Files.list(corpus.resolve("feeds"))) {
            files = stream.sorted().toList();
        }
        List<byte[]> bodies = new ArrayList<>();
        for (Path file : files) {
            bodies.add(Files.readAllBytes(file));
        }
        FeedParser parser = new FeedParser();
        ContentCleaner cleaner = new ContentCleaner();
        Tagger tagger = Tagger.fromFile(Path.of("config/topics.yml"));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < rounds; round++) {
            long parse = 0, summary = 0, plain = 0, link = 0, tag = 0;
            int items = 0;
            for (int f = 0; f < bodies.size(); f++) {
                long t = threads.getCurrentThreadCpuTime();
                ParsedFeed feed = parser.parse(bodies.get(f), null, files.get(f).toUri());
                parse += threads.getCurrentThreadCpuTime() - t;
                for (ParsedEntry entry : feed.entries()) {
                    items++;
                    t = threads.getCurrentThreadCpuTime();
                    var url = cleaner.link(entry.link(), files.get(f).toUri()).orElse(null);
                    long t2 = threads.getCurrentThreadCpuTime();
                    link += t2 - t;
                    CleanSummary clean = cleaner.summary(entry.summaryHtml(), url);
                    long t3 = threads.getCurrentThreadCpuTime();
                    summary += t3 - t2;
                    String title = cleaner.plainText(entry.title());
                    List<String> categories =
                            entry.categories().stream().map(cleaner::plainText).toList();
                    entry.authors().forEach(cleaner::plainText);
                    long t4 = threads.getCurrentThreadCpuTime();
                    plain += t4 - t3;
                    tagger.tag(new TaggableText(title, clean.text(), categories));
                    tag += threads.getCurrentThreadCpuTime() - t4;
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "round %d, %,d items, CPU µs per item: parse %.0f, link %.0f, summary %.0f, plain texts %.0f, "
                            + "tag %.0f%n",
                    round + 1,
                    items,
                    parse / 1e3 / items,
                    link / 1e3 / items,
                    summary / 1e3 / items,
                    plain / 1e3 / items,
                    tag / 1e3 / items);
        }
    }
}
