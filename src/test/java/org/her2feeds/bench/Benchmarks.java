package org.her2feeds.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.her2feeds.store.ArticleFilter;
import org.her2feeds.store.ArticleQueries;
import org.her2feeds.tagging.Tagger;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ingest and scale benchmark (issue 8). Run with {@code ./mvnw -q -Pbench verify}; options as
 * {@code -Dbench.args="feeds=60 archive=20000"}. Everything it writes stays under target/: the corpus
 * (target/bench-corpus), the databases (target/bench-data) and the report (target/bench-report.md).
 *
 * <p>Options: {@code feeds} (500), {@code items} (mean items per feed, 60), {@code seed} (42), {@code passes} (3),
 * {@code warmups} (1), {@code archive} (articles already stored for the growth check, 200000), {@code sources}
 * (for the scale check, 100000), {@code articles} (for the query latency check, 1000000), {@code requests}
 * (per endpoint, 300), {@code pgdb} (the PostgreSQL database the benchmark creates and drops; her2_bench),
 * {@code growth.keep} (false: true reuses the archive an earlier growth run filled), {@code growth.fill} (rows:
 * bulk fills it through {@link H2BulkLoad}), {@code compare} (articles
 * for the H2 search engines' comparison, 20000), {@code only} (comma-separated: parse, h2,
 * growth, pg, sources, queries, search, searchengines, serving, stages: the stage split alone, which h2 includes;
 * sanitisers: the corpus's summaries cleaned alone by the project's cleaner and by OWASP's (see
 * {@link SanitiserBench}, {@link OwaspSanitiser}), with their differences in visible text ({@code examples}, 10) and
 * their failures of the universal layer of ../shared/conformance ({@link SanitiserConformance}); or
 * {@code soak} alone, issue 14's soak run, see {@link SoakRun}). {@code search} measures {@code ?q=} at
 * {@code articles} on H2 (the archive of {@code queries})
 * and on PostgreSQL (database {@code pgdb}, kept filled for the next run), beside the former LIKE scan;
 * {@code searchdb} (h2,pg) picks the databases, {@code baseline} (20) the requests of the slow LIKE scan (0: none).
 * Scale (issue 12): {@code only=sources} ({@code sources} 100000, {@code lag.rate} 2.5 per second, {@code lag.seconds}
 * 120; see {@link SourcesScaleProbe}); {@code only=cluster}, three instances on PostgreSQL ({@code cluster.sources}
 * 300, {@code cluster.interval} 30 s, {@code cluster.intervals} 5, {@code cluster.db} her2_bench_scale, dropped and
 * created afresh; see {@link ClusterShareRun}).
 * For serving alone (issue 12, {@link ServingBench}): {@code connections} (32), {@code serving.seconds} (10),
 * {@code serving.warmup} (3), {@code serving.articles} (1000).
 */
public final class Benchmarks {

    private final Map<String, String> options = new LinkedHashMap<>();
    private final Path target = Path.of("target").toAbsolutePath();
    private final List<String> report = new ArrayList<>();
    private final Map<String, Passes.Result> rates = new LinkedHashMap<>();
    /** Figures for the before/after table, by name: written to target/bench-figures.tsv, read from a baseline. */
    private final Map<String, Double> figures = new LinkedHashMap<>();

    private StageSplit.Split split;
    private int passesRun;
    private String firstIngest = "";
    private String refetchFeed = "";

    private Benchmarks(String[] args) {
        for (String arg : args) {
            for (String part : arg.trim().split("\\s+")) {
                if (part.isEmpty()) {
                    continue;
                }
                int eq = part.indexOf('=');
                if (eq < 1) {
                    throw new IllegalArgumentException(
                            "option '" + part + "' is not key=value (see Benchmarks javadoc)");
                }
                options.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
    }

    public static void main(String[] args) throws Exception {
        new Benchmarks(args).run();
        // Quartz and pool threads of closed contexts must not keep Maven's exec waiting.
        System.exit(0);
    }

    private int option(String name, int fallback) {
        return Integer.parseInt(
                options.getOrDefault(name, Integer.toString(fallback)).replace("_", ""));
    }

    private boolean wanted(String part) {
        String only = options.get("only");
        return only == null || Set.of(only.split(",")).contains(part);
    }

    private void run() throws Exception {
        if ("soak".equals(options.get("only"))) {
            // The soak run needs no corpus: its feeds are served by its own fault host.
            List<String> soak =
                    new SoakRun(option("sources", 500), option("minutes", 21), target.resolve("bench-data/soak")).run();
            soak.forEach(System.out::println);
            Path file = target.resolve("soak-report.md");
            Files.writeString(file, String.join("\n", soak) + "\n");
            System.out.println("\nReport written to " + file);
            return;
        }
        if ("sources".equals(options.get("only")) || "cluster".equals(options.get("only"))) {
            // Neither needs the corpus: their feeds come from a fault host of their own.
            if ("sources".equals(options.get("only"))) {
                sources();
            } else {
                report.addAll(new ClusterShareRun(
                                option("cluster.sources", 300),
                                java.time.Duration.ofSeconds(option("cluster.interval", 30)),
                                option("cluster.intervals", 5),
                                clusterDatabase(),
                                target.resolve("bench-data/cluster"))
                        .run());
                report.forEach(System.out::println);
            }
            Path file = target.resolve("bench-report.md");
            Files.writeString(file, String.join("\n", report) + "\n");
            System.out.println("\nReport written to " + file);
            return;
        }
        if ("serving".equals(options.get("only"))) {
            // Serving needs a stored archive, not the ingest corpus.
            Path dir = target.resolve("bench-data/serving-sources");
            deleteTree(dir);
            Files.createDirectories(dir);
            Files.writeString(
                    dir.resolve("feed.xml"), "<rss version=\"2.0\"><channel><title>-</title></channel></rss>");
            Path sources = Files.writeString(
                    dir.resolve("sources.yml"),
                    "sources:\n  - id: serving\n    title: Serving\n    url: file:feed.xml\n    interval: PT30M\n");
            serving(sources);
            printComparison();
            Path file = target.resolve("bench-report.md");
            Files.writeString(file, String.join("\n", report) + "\n");
            System.out.println("\nReport written to " + file);
            return;
        }
        int passes = option("passes", 3);
        int warmups = option("warmups", 1);
        Path corpusDir = target.resolve("bench-corpus");
        deleteTree(corpusDir);
        long t = System.nanoTime();
        CorpusGenerator.Corpus corpus =
                new CorpusGenerator(option("seed", 42), option("feeds", 500), option("items", 60)).write(corpusDir);
        System.out.printf(
                Locale.ROOT,
                "Corpus: %d feeds, %,d items, %.1f MB in %s (%.1f s)%n",
                corpus.files().size(),
                corpus.items(),
                corpus.bytes() / 1e6,
                corpusDir,
                (System.nanoTime() - t) / 1e9);
        report.add("# Ingest and scale benchmark\n");
        report.add(String.format(
                Locale.ROOT,
                "Corpus: %d feeds (RSS 2.0, Atom, RDF), %,d items, %.1f MB; seed %d. "
                        + "Java %s, %d cores, max heap %d MB. Median of %d passes after %d warm-up pass(es).%n",
                corpus.files().size(),
                corpus.items(),
                corpus.bytes() / 1e6,
                option("seed", 42),
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                passes,
                warmups));

        if (wanted("parse")) {
            parse(corpus, warmups, passes);
        }
        if (wanted("sanitisers")) {
            sanitisers(corpus, warmups, passes);
        }
        String pipelineNote = "";
        if (wanted("h2") || wanted("growth") || wanted("stages")) {
            pipelineNote = h2(corpus, warmups, passes);
        }
        if (wanted("pg")) {
            postgres(corpus, warmups, passes);
        }
        if (wanted("serving")) {
            serving(corpus.sourcesFile());
        }
        printRates(corpus, pipelineNote);
        printComparison();
        if (wanted("sources")) {
            sources();
        }
        if (wanted("queries")) {
            queries(corpus);
        }
        if (wanted("searchengines")) {
            List<String> lines = SearchBench.compareH2Engines(
                    corpus.sourcesFile(),
                    target.resolve("bench-data/search-engines"),
                    option("compare", 20_000),
                    option("requests", 300));
            report.addAll(lines);
        }
        if (wanted("search")) {
            search(corpus);
        }
        Path file = target.resolve("bench-report.md");
        Files.writeString(file, String.join("\n", report) + "\n");
        System.out.println("\nReport written to " + file);
    }

    /** In a method of its own, so the corpus it holds in memory is garbage before the pipeline's heap is watched. */
    private void parse(CorpusGenerator.Corpus corpus, int warmups, int passes) throws Exception {
        ParseBench parse = new ParseBench(corpus.files());
        record("StAX, every event (floor)", Passes.measure("StAX", warmups + 1, passes, parse::stax));
        record("Rome SyndFeedInput, healer off", Passes.measure("Rome", warmups + 1, passes, parse::rome));
        record("FeedParser (Rome + mapping)", Passes.measure("FeedParser", warmups + 1, passes, parse::feedParser));
    }

    /** Cleaning the corpus's summaries alone, sanitiser beside sanitiser (issue 12; see {@link SanitiserBench}). */
    private void sanitisers(CorpusGenerator.Corpus corpus, int warmups, int passes) throws Exception {
        List<SanitiserBench.Summary> summaries = SanitiserBench.summaries(corpus.files());
        Map<String, SanitiserBench.Sanitiser> sanitisers = new LinkedHashMap<>();
        sanitisers.put("ContentCleaner (jsoup)", SanitiserBench.project());
        sanitisers.put("OWASP java-html-sanitizer", new OwaspSanitiser());
        List<String> lines = new ArrayList<>(
                SanitiserBench.table(SanitiserBench.measure(sanitisers, summaries, warmups, passes), summaries.size()));
        List<SanitiserBench.Sanitiser> both = List.copyOf(sanitisers.values());
        lines.add("");
        lines.addAll(SanitiserBench.textDifferences(both.get(0), both.get(1), summaries, option("examples", 10)));
        Path conformance =
                Path.of("..", "shared", "conformance").toAbsolutePath().normalize();
        if (Files.isDirectory(conformance)) {
            lines.add("\n| universal layer of ../shared/conformance | cases | "
                    + String.join(" failed | ", sanitisers.keySet()) + " failed |");
            lines.add("|---|---:|" + "---:|".repeat(sanitisers.size()));
            List<String> examples = new ArrayList<>();
            List<SanitiserBench.Summary> inputs = new ArrayList<>();
            for (Map.Entry<String, List<SanitiserConformance.Case>> suite :
                    SanitiserConformance.suites(conformance).entrySet()) {
                suite.getValue().forEach(c -> inputs.add(new SanitiserBench.Summary(c.input(), c.base())));
                StringBuilder row = new StringBuilder(
                        "| " + suite.getKey() + " | " + suite.getValue().size() + " |");
                for (Map.Entry<String, SanitiserBench.Sanitiser> sanitiser : sanitisers.entrySet()) {
                    int failed = 0;
                    for (SanitiserConformance.Case testCase : suite.getValue()) {
                        List<String> problems = SanitiserConformance.problems(sanitiser.getValue(), testCase);
                        if (!problems.isEmpty() && failed++ < 3) {
                            examples.add(sanitiser.getKey() + ", " + suite.getKey() + " " + testCase.id() + ": "
                                    + problems.get(0));
                        }
                    }
                    row.append(' ').append(failed).append(" |");
                }
                lines.add(row.toString());
            }
            lines.add("");
            examples.forEach(example -> lines.add("- " + example));
            lines.add("\nThe conformance inputs as summaries (hostile and odd markup, unlike the corpus):");
            lines.addAll(SanitiserBench.textDifferences(both.get(0), both.get(1), inputs, option("examples", 10)));
        } else {
            lines.add("Conformance: skipped, " + conformance + " is missing");
        }
        lines.forEach(System.out::println);
        report.addAll(lines);
    }

    private void record(String label, Passes.Result result) {
        rates.put(label, result);
    }

    private String h2(CorpusGenerator.Corpus corpus, int warmups, int passes) throws Exception {
        Path data = target.resolve("bench-data/h2");
        // Filling a 1,000,000-article archive takes most of an hour on 2 cores: growth.keep=true reuses the one an
        // earlier growth run left (the growth part alone: the empty-archive passes would need it empty).
        boolean keepArchive = Boolean.parseBoolean(options.getOrDefault("growth.keep", "false")) && !wanted("h2");
        if (!keepArchive) {
            deleteTree(data);
        }
        try (ConfigurableApplicationContext context =
                BenchContext.start(BenchContext.properties(corpus.sourcesFile(), data), false)) {
            PipelineBench pipeline = new PipelineBench(context);
            long items = corpus.items();
            if (wanted("h2")) {
                record(
                        "Full pipeline, H2 (empty archive)",
                        Passes.measure(
                                "pipeline H2, empty archive",
                                warmups,
                                passes,
                                pipeline::reset,
                                () -> pipeline.pass(items)));
                System.out.println(
                        "  last pass: " + pipeline.lastTotals() + ", articles stored " + pipeline.articleCount());
                firstIngest = String.valueOf(pipeline.lastTotals());
                // The same feeds again, answered 200 with the same items (the validators forgotten before each pass).
                record(
                        "Re-fetch, same items (200 again), H2",
                        Passes.measure(
                                "re-fetch H2, same items",
                                0,
                                passes,
                                pipeline::forgetValidators,
                                () -> pipeline.pass(items)));
                System.out.println("  last pass: " + pipeline.lastTotals());
                record(
                        "Re-fetch, same items in a changed document, H2",
                        Passes.measure(
                                "re-fetch H2, same items, new doc",
                                0,
                                passes,
                                pipeline::forgetDocuments,
                                () -> pipeline.pass(items)));
                System.out.println("  last pass: " + pipeline.lastTotals());
                java.util.concurrent.atomic.AtomicInteger round = new java.util.concurrent.atomic.AtomicInteger();
                List<Map<Path, byte[]>> originals = new ArrayList<>();
                try {
                    record(
                            "Re-fetch, same items, new feed-level date, H2",
                            Passes.measure(
                                    "re-fetch H2, same items, new date",
                                    0,
                                    passes,
                                    () -> {
                                        try {
                                            if (!originals.isEmpty()) {
                                                PipelineBench.restore(originals.get(0));
                                            }
                                            originals.add(pipeline.redate(corpus.files(), round.incrementAndGet()));
                                        } catch (IOException e) {
                                            throw new java.io.UncheckedIOException(e);
                                        }
                                    },
                                    () -> pipeline.pass(items)));
                } finally {
                    if (!originals.isEmpty()) {
                        PipelineBench.restore(originals.get(0));
                    }
                }
                System.out.println("  last pass: " + pipeline.lastTotals());
                refetchOneFeed(context, pipeline, corpus);
            }
            if (wanted("h2") || wanted("stages")) {
                StageSplit stages = new StageSplit(context);
                List<StageSplit.Split> splits = new ArrayList<>();
                for (int i = 0; i < warmups + passes; i++) {
                    pipeline.reset();
                    StageSplit.Split one = stages.run();
                    System.out.println("  stages pass " + (i + 1) + ": " + StageSplit.describe(one));
                    if (i >= warmups) {
                        splits.add(one);
                    }
                }
                split = medianSplit(splits);
                passesRun = splits.size();
            }
            if (wanted("growth")) {
                int archive = option("archive", 200_000);
                ArchiveFiller filler = filler(context);
                pipeline.reset();
                long kept = pipeline.archiveCount();
                if (keepArchive && kept >= archive) {
                    System.out.printf(Locale.ROOT, "  archive of %,d articles kept from an earlier run%n", kept);
                } else {
                    // growth.fill=bulk: H2BulkLoad's rows in id order and indexes built once (minutes, not an hour,
                    // at 1,000,000), where the default writes the rows as the filler makes them.
                    double seconds = "bulk".equals(options.get("growth.fill"))
                            ? H2BulkLoad.fill(
                                    context.getBean(JdbcTemplate.class), filler, kept, archive - kept, "growth archive")
                            : filler.fill(kept, archive - kept, "growth archive");
                    System.out.printf(
                            Locale.ROOT,
                            "  archive of %,d articles written in %.0f s (%,.0f rows/s of article)%n",
                            archive,
                            seconds,
                            archive / seconds);
                }
                // The filler writes beside the service, so the search index takes its articles in at the next
                // catch-up, which the first pass's writes start on a thread of their own: the published fifth of the
                // archive (200,000 articles at 1,000,000) was indexed during the passes, and measured as ingest. A
                // search takes them in first and waits for it.
                awaitSearchCatchUp(context);
                record(
                        String.format(Locale.ROOT, "Full pipeline, H2 (archive of %,d)", archive),
                        Passes.measure(
                                "pipeline H2, archive " + archive,
                                0,
                                passes,
                                pipeline::reset,
                                () -> pipeline.pass(items)));
                System.out.println("  last pass: " + pipeline.lastTotals());
            }
            return !firstIngest.isEmpty()
                    ? firstIngest
                    : pipeline.lastTotals() == null ? "" : pipeline.lastTotals().toString();
        }
    }

    private void postgres(CorpusGenerator.Corpus corpus, int warmups, int passes) throws Exception {
        if (!reachable("127.0.0.1", 5432)) {
            String message = "PostgreSQL: skipped, nothing listens on 127.0.0.1:5432";
            System.out.println(message);
            report.add(message + "\n");
            return;
        }
        String admin = "jdbc:postgresql://127.0.0.1:5432/postgres";
        try (Connection c = DriverManager.getConnection(admin, "postgres", "")) {
            c.createStatement().execute("DROP DATABASE IF EXISTS " + pgDatabase());
            c.createStatement().execute("CREATE DATABASE " + pgDatabase());
        }
        try {
            Map<String, Object> properties = BenchContext.postgres(
                    BenchContext.properties(corpus.sourcesFile(), target.resolve("bench-data/pg")), pgDatabase());
            try (ConfigurableApplicationContext context = BenchContext.start(properties, false)) {
                PipelineBench pipeline = new PipelineBench(context);
                record(
                        "Full pipeline, PostgreSQL (empty archive)",
                        Passes.measure(
                                "pipeline PostgreSQL",
                                warmups,
                                passes,
                                pipeline::reset,
                                () -> pipeline.pass(corpus.items())));
                System.out.println("  last pass: " + pipeline.lastTotals());
            }
        } finally {
            try (Connection c = DriverManager.getConnection(admin, "postgres", "")) {
                c.createStatement().execute("DROP DATABASE IF EXISTS " + pgDatabase() + " WITH (FORCE)");
            }
        }
    }

    /** The feed nearest 100 items: its first ingest and an unchanged re-fetch, median of seven. */
    private void refetchOneFeed(
            ConfigurableApplicationContext context, PipelineBench pipeline, CorpusGenerator.Corpus c) throws Exception {
        org.her2feeds.parse.FeedParser parser = context.getBean(org.her2feeds.parse.FeedParser.class);
        Path best = null;
        int bestItems = 0;
        for (Path file : c.files()) {
            int n = parser.parse(Files.readAllBytes(file), null, file.toUri())
                    .entries()
                    .size();
            if (best == null || Math.abs(n - 100) < Math.abs(bestItems - 100)) {
                best = file;
                bestItems = n;
            }
        }
        String fileName = best.getFileName().toString();
        String id = fileName.substring(0, fileName.indexOf('.'));
        List<Double> first = new ArrayList<>();
        List<Double> again = new ArrayList<>();
        List<Double> items = new ArrayList<>();
        List<Double> redated = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            long[] nanos = pipeline.firstAndRefetch(id, best);
            if (i >= 2) {
                first.add(nanos[0] / 1e6);
                again.add(nanos[1] / 1e6);
                items.add(nanos[2] / 1e6);
                redated.add(nanos[3] / 1e6);
            }
        }
        double firstMs = median(first);
        double againMs = median(again);
        double itemsMs = median(items);
        figures.put("refetch100.first_ms", firstMs);
        figures.put("refetch100.again_ms", againMs);
        figures.put("refetch100.share", againMs / firstMs);
        figures.put("refetch100.new_document_share", itemsMs / firstMs);
        double redatedMs = median(redated);
        figures.put("refetch100.new_date_share", redatedMs / firstMs);
        refetchFeed = String.format(
                Locale.ROOT,
                "%s (%d items): first ingest %.1f ms; unchanged re-fetch (200, same bytes) %.1f ms = %.1f %% of the "
                        + "first; same items, new feed-level date %.1f ms = %.1f %%; same items in a document changed "
                        + "otherwise %.1f ms = %.1f %%",
                id,
                bestItems,
                firstMs,
                againMs,
                100 * againMs / firstMs,
                redatedMs,
                100 * redatedMs / firstMs,
                itemsMs,
                100 * itemsMs / firstMs);
        System.out.println("  " + refetchFeed);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static StageSplit.Split medianSplit(List<StageSplit.Split> splits) {
        return new StageSplit.Split(
                splits.get(0).items(),
                median(splits.stream().map(StageSplit.Split::rome).toList()),
                median(splits.stream().map(StageSplit.Split::parse).toList()),
                median(splits.stream().map(StageSplit.Split::clean).toList()),
                median(splits.stream().map(StageSplit.Split::tag).toList()),
                median(splits.stream().map(StageSplit.Split::store).toList()),
                new StageSplit.Cpu(
                        median(splits.stream().map(x -> x.cpu().rome()).toList()),
                        median(splits.stream().map(x -> x.cpu().parse()).toList()),
                        median(splits.stream().map(x -> x.cpu().clean()).toList()),
                        median(splits.stream().map(x -> x.cpu().tag()).toList()),
                        median(splits.stream().map(x -> x.cpu().store()).toList())));
    }

    /**
     * The stage split beside Rome alone, the re-fetch against the first ingest, and every figure against the
     * baseline (src/test/resources/bench/baseline.tsv: the same benchmark run on the code before issue 12). Only
     * ratios to Rome measured in the same run are compared across runs: absolute rates move with the machine's load.
     */
    private void printComparison() throws IOException {
        Passes.Result rome = rates.get("Rome SyndFeedInput, healer off");
        Passes.Result full = rates.get("Full pipeline, H2 (empty archive)");
        Passes.Result refetch = rates.get("Re-fetch, same items (200 again), H2");
        Passes.Result newDocument = rates.get("Re-fetch, same items in a changed document, H2");
        Passes.Result newDate = rates.get("Re-fetch, same items, new feed-level date, H2");
        List<String> lines = new ArrayList<>();
        if (rome != null) {
            figures.put("rome.us_per_item", 1e6 / rome.median());
        }
        if (rome != null && full != null) {
            figures.put("pipeline.x_rome", full.median() / rome.median());
            figures.put("pipeline.x_rome_cpu", full.cpuMedian() / rome.cpuMedian());
            figures.put("pipeline.heap_mb", (double) (full.heap().peakBytes() >> 20));
        }
        rates.entrySet().stream()
                .filter(e -> e.getKey().startsWith("Full pipeline, H2 (archive"))
                .findFirst()
                .ifPresent(e -> {
                    figures.put("growth.archive", (double) option("archive", 200_000));
                    figures.put("growth.items_per_cpu_s", e.getValue().cpuMedian());
                    if (full != null) {
                        figures.put("growth.x_empty", e.getValue().median() / full.median());
                        figures.put("growth.x_empty_cpu", e.getValue().cpuMedian() / full.cpuMedian());
                    }
                });
        if (full != null && refetch != null) {
            figures.put("refetch.share", full.median() / refetch.median());
        }
        if (full != null && newDocument != null) {
            figures.put("refetch.new_document_share", full.median() / newDocument.median());
        }
        if (full != null && newDate != null) {
            figures.put("refetch.new_date_share", full.median() / newDate.median());
        }
        if (split != null) {
            double romeUs = split.rome();
            figures.put("stage.parse_x_rome", split.parse() / romeUs);
            figures.put("stage.clean_x_rome", split.clean() / romeUs);
            figures.put("stage.tag_x_rome", split.tag() / romeUs);
            figures.put("stage.store_x_rome", split.store() / romeUs);
            figures.put("stage.clean_us", split.clean());
            lines.add(String.format(
                    Locale.ROOT,
                    "%n## Where an item's time goes (wall clock, median of %d passes over the corpus, Rome alone "
                            + "timed feed by feed in the same passes: %.1f µs/item)%n",
                    passesRun,
                    romeUs));
            StageSplit.Cpu cpu = split.cpu();
            figures.put("stage.tag_x_rome_cpu", cpu.tag() / cpu.rome());
            figures.put("stage.store_x_rome_cpu", cpu.store() / cpu.rome());
            lines.add("| stage | µs/item | × Rome's time per item | CPU µs/item (this thread) | × Rome's CPU |");
            lines.add("|---|---:|---:|---:|---:|");
            lines.add(stageRow("Rome alone (SyndFeedInput, healer off)", romeUs, romeUs, cpu.rome(), cpu.rome()));
            lines.add(stageRow("parse (FeedParser: Rome and mapping)", split.parse(), romeUs, cpu.parse(), cpu.rome()));
            lines.add(stageRow("clean (links, summary, texts)", split.clean(), romeUs, cpu.clean(), cpu.rome()));
            lines.add(stageRow("tag", split.tag(), romeUs, cpu.tag(), cpu.rome()));
            lines.add(stageRow("store (saveFeed on H2)", split.store(), romeUs, cpu.store(), cpu.rome()));
            lines.add(stageRow("sum of the stages", split.total(), romeUs, cpu.total(), cpu.rome()));
        }
        if (!refetchFeed.isEmpty()) {
            lines.add("\nRe-fetch of one feed: " + refetchFeed + " (goal ≤ 10 %).");
        }
        if (refetch != null && full != null) {
            lines.add(String.format(
                    Locale.ROOT,
                    "Re-fetch of the whole corpus (200, same items): %.1f %% of the first ingest's time (same bytes); "
                            + "%s (same items, new feed-level date); %s (same items in documents changed otherwise).",
                    100 * full.median() / refetch.median(),
                    newDate == null
                            ? "-"
                            : String.format(Locale.ROOT, "%.1f %%", 100 * full.median() / newDate.median()),
                    newDocument == null
                            ? "-"
                            : String.format(Locale.ROOT, "%.1f %%", 100 * full.median() / newDocument.median())));
        }
        Path baselineFile = Path.of("src/test/resources/bench/baseline.tsv");
        Map<String, Double> baseline = new LinkedHashMap<>();
        if (Files.exists(baselineFile)) {
            for (String line : Files.readAllLines(baselineFile)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] kv = line.split("\t");
                    baseline.put(kv[0], Double.parseDouble(kv[1]));
                }
            }
            lines.add("\n## Before (" + Files.readAllLines(baselineFile).get(0).replaceFirst("^#\\s*", "")
                    + ") and after (this run)\n");
            lines.add("| figure | before | after |");
            lines.add("|---|---:|---:|");
            for (Map.Entry<String, Double> e : figures.entrySet()) {
                Double before = baseline.get(e.getKey());
                lines.add(String.format(
                        Locale.ROOT,
                        "| %s | %s | %.3f |",
                        e.getKey(),
                        before == null ? "-" : String.format(Locale.ROOT, "%.3f", before),
                        e.getValue()));
            }
        }
        StringBuilder tsv = new StringBuilder("# figures of the run of " + java.time.Instant.now() + "\n");
        figures.forEach((k, v) -> tsv.append(k).append('\t').append(v).append('\n'));
        Files.writeString(target.resolve("bench-figures.tsv"), tsv);
        lines.forEach(System.out::println);
        report.addAll(lines);
        report.add("");
    }

    private static String stageRow(String stage, double us, double romeUs, double cpuUs, double romeCpuUs) {
        return String.format(
                Locale.ROOT, "| %s | %.1f | %.2f | %.1f | %.2f |", stage, us, us / romeUs, cpuUs, cpuUs / romeCpuUs);
    }

    private void printRates(CorpusGenerator.Corpus corpus, String totals) {
        if (rates.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add("## Ingest throughput (median of passes; wall-clock items/s with its range, and items per CPU-second "
                + "of the"
                + " whole process; ratios on CPU-seconds in brackets; peak heap while measuring)\n");
        lines.add("| pipeline | items/s | range | items/CPU s | × Rome | × StAX | heap |");
        lines.add("|---|---:|---:|---:|---:|---:|---|");
        Passes.Result rome = rates.get("Rome SyndFeedInput, healer off");
        Passes.Result stax = rates.get("StAX, every event (floor)");
        for (Map.Entry<String, Passes.Result> e : rates.entrySet()) {
            double median = e.getValue().median();
            double cpu = e.getValue().cpuMedian();
            lines.add(String.format(
                    Locale.ROOT,
                    "| %s | %,.0f | %s | %,.0f | %s | %s | %s |",
                    e.getKey(),
                    median,
                    e.getValue().spread(),
                    cpu,
                    rome == null
                            ? "-"
                            : String.format(Locale.ROOT, "%.2f (%.2f)", median / rome.median(), cpu / rome.cpuMedian()),
                    stax == null
                            ? "-"
                            : String.format(Locale.ROOT, "%.2f (%.2f)", median / stax.median(), cpu / stax.cpuMedian()),
                    e.getValue().heap().describe()));
        }
        if (!totals.isEmpty()) {
            lines.add("\nLast pass of the full pipeline (first ingest): " + totals + ".");
        }
        Passes.Result full = rates.get("Full pipeline, H2 (empty archive)");
        if (full != null && rome != null) {
            double ratio = full.median() / rome.median();
            double cpuRatio = full.cpuMedian() / rome.cpuMedian();
            lines.add(String.format(
                    Locale.ROOT,
                    "%nGoal full pipeline (H2) ≥ 0.5 × Rome alone: %.2f × wall-clock, %.2f × CPU — %s.",
                    ratio,
                    cpuRatio,
                    Math.max(ratio, cpuRatio) >= 0.5 ? "met" : "missed"));
        }
        rates.keySet().stream()
                .filter(k -> k.startsWith("Full pipeline, H2 (archive"))
                .findFirst()
                .ifPresent(k -> {
                    if (full != null) {
                        lines.add(String.format(
                                Locale.ROOT,
                                "Growth: into the large archive at %.2f × the rate into an empty one (%.2f × per "
                                        + "CPU-second).",
                                rates.get(k).median() / full.median(),
                                rates.get(k).cpuMedian() / full.cpuMedian()));
                    }
                });
        lines.forEach(System.out::println);
        report.addAll(lines);
        report.add("");
    }

    /**
     * Issue 12's scale goals for {@code sources} (100,000) http sources on a local fault host, each figure beside
     * the one the same probe measured on the code before (src/test/resources/bench/scale-baseline.tsv). The probe
     * runs twice in JVMs of its own: a first start on an empty database (which then records every source as fetched,
     * as in a steady state), and a restart on it that measures idle CPU and the scheduler's lag.
     */
    private void sources() throws Exception {
        int count = option("sources", 100_000);
        String rate = options.getOrDefault("lag.rate", "2.5");
        String seconds = options.getOrDefault("lag.seconds", "120");
        Path data = target.resolve("bench-data/sources-" + count + "/data");
        deleteTree(data.getParent());
        Files.createDirectories(data.getParent());
        Map<String, String> first = probe("first", count, data, rate, seconds);
        Map<String, String> restart = probe("restart", count, data, rate, seconds);
        Map<String, Double> after = new LinkedHashMap<>();
        after.put("scale.first_start_s", Double.parseDouble(first.get("context_ms")) / 1000);
        after.put("scale.restart_s", Double.parseDouble(restart.get("context_ms")) / 1000);
        after.put("scale.first_start_cpu_s", Double.parseDouble(first.get("cpu_to_ready_ms")) / 1000);
        after.put("scale.restart_cpu_s", Double.parseDouble(restart.get("cpu_to_ready_ms")) / 1000);
        after.put("scale.first_start_main_cpu_s", Double.parseDouble(first.get("main_cpu_to_ready_ms")) / 1000);
        after.put("scale.restart_main_cpu_s", Double.parseDouble(restart.get("main_cpu_to_ready_ms")) / 1000);
        after.put("scale.heap_after_gc_mb", (double) Math.max(
                Long.parseLong(first.get("heap_after_gc_mb")),
                Math.max(
                        Long.parseLong(restart.get("heap_after_gc_mb")),
                        Long.parseLong(restart.get("heap_after_gc_end_mb")))));
        after.put("scale.idle_cpu_pct", Double.parseDouble(restart.get("idle_cpu_pct")));
        after.put("scale.lag_p99_s", Double.parseDouble(restart.getOrDefault("lag_steady_p99_ms", "NaN")) / 1000);
        after.put("scale.lag_max_s", Double.parseDouble(restart.getOrDefault("lag_steady_max_ms", "NaN")) / 1000);
        after.put("scale.lag_p99_with_warmup_s", Double.parseDouble(restart.getOrDefault("lag_p99_ms", "NaN")) / 1000);
        after.put("scale.sync_fresh_s", Double.parseDouble(first.get("sync_fresh_ms")) / 1000);
        after.put("scale.sync_steady_s", Double.parseDouble(restart.get("sync_steady_ms")) / 1000);
        figures.putAll(after);
        Map<String, Double> before = new LinkedHashMap<>();
        Path baselineFile = Path.of("src/test/resources/bench/scale-baseline.tsv");
        String beforeLabel = "-";
        if (Files.exists(baselineFile)) {
            List<String> lines = Files.readAllLines(baselineFile);
            beforeLabel = lines.get(0).replaceFirst("^#\\s*", "");
            for (String line : lines) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] kv = line.split("\t");
                    before.put(kv[0], Double.parseDouble(kv[1]));
                }
            }
        }
        Map<String, Double> goals = Map.of(
                "scale.first_start_s", 60.0,
                "scale.restart_s", 60.0,
                "scale.first_start_main_cpu_s", 60.0,
                "scale.restart_main_cpu_s", 60.0,
                "scale.heap_after_gc_mb", 1024.0,
                "scale.idle_cpu_pct", 5.0,
                "scale.lag_p99_s", 5.0);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT,
                "## %,d http sources on one node (own JVM, -Xmx1g, Quartz on H2, fault host answering; lag while %s "
                        + "sources a second fall due for %s s)%n",
                count,
                rate,
                seconds));
        lines.add("Before: " + beforeLabel + ". After: this run. Load average at the end: " + loadAverage() + "\n");
        lines.add("| figure | before | after | goal | after against goal |");
        lines.add("|---|---:|---:|---:|---|");
        for (Map.Entry<String, Double> e : after.entrySet()) {
            Double goal = goals.get(e.getKey());
            Double was = before.get(e.getKey());
            lines.add(String.format(
                    Locale.ROOT,
                    "| %s | %s | %.2f | %s | %s |",
                    e.getKey(),
                    was == null ? "-" : String.format(Locale.ROOT, "%.2f", was),
                    e.getValue(),
                    goal == null ? "-" : String.format(Locale.ROOT, "< %.0f", goal),
                    goal == null
                            ? "-"
                            : e.getValue() < goal
                                    ? String.format(Locale.ROOT, "met (%.0f %% of it)", 100 * e.getValue() / goal)
                                    : String.format(
                                            Locale.ROOT, "missed by %.0f %%", 100 * (e.getValue() / goal - 1))));
        }
        lines.add("\nIdle CPU by thread (20 s, nothing due): " + restart.get("idle_top_threads") + ".");
        lines.add(String.format(
                Locale.ROOT,
                "Lag: %s of %s due fetches started; steady state (after the first 20 s of them, which also load "
                        + "the fetch path into the new JVM): %s fetches, p50 %s ms; CPU while they ran %s %% of one "
                        + "core. CPU to ready: first start %s ms, restart %s ms (all threads).",
                restart.get("lag_fetched"),
                restart.get("lag_due"),
                restart.get("lag_steady_n"),
                restart.get("lag_steady_p50_ms"),
                restart.get("lag_cpu_pct"),
                first.get("cpu_to_ready_ms"),
                restart.get("cpu_to_ready_ms")));
        StringBuilder tsv = new StringBuilder("# figures of the run of " + java.time.Instant.now() + "\n");
        after.forEach((k, v) -> tsv.append(k).append('\t').append(v).append('\n'));
        Files.writeString(target.resolve("scale-figures.tsv"), tsv);
        lines.forEach(System.out::println);
        report.addAll(lines);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return String.format(
                    Locale.ROOT,
                    "%.2f",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
        }
    }

    private Map<String, String> probe(String mode, int count, Path data, String rate, String seconds) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(
                        java,
                        "-Xmx1g",
                        "-cp",
                        System.getProperty("java.class.path"),
                        SourcesScaleProbe.class.getName(),
                        mode,
                        Integer.toString(count),
                        data.toString(),
                        rate,
                        seconds)
                .redirectErrorStream(true)
                .start();
        Map<String, String> results = new LinkedHashMap<>();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("RESULT ")) {
                    String[] kv = line.substring(7).split("=", 2);
                    results.put(kv[0], kv[1]);
                } else if (!line.isBlank() && (line.contains("ERROR") || line.contains("Exception"))) {
                    System.out.println("  probe: " + line);
                }
            }
        }
        if (process.waitFor() != 0 || results.isEmpty()) {
            throw new IllegalStateException("the sources probe failed (exit " + process.exitValue() + ")");
        }
        System.out.println("  probe " + mode + ": " + results);
        return results;
    }

    private void queries(CorpusGenerator.Corpus corpus) throws Exception {
        int articles = option("articles", 1_000_000);
        int requests = option("requests", 300);
        Path data = target.resolve("bench-data/archive-" + articles);
        Map<String, Object> properties = BenchContext.properties(corpus.sourcesFile(), data);
        properties.put("server.port", "0");
        List<String> lines = new ArrayList<>();
        try (ConfigurableApplicationContext context = BenchContext.start(properties, true)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            long stored = jdbc.queryForObject("SELECT COUNT(*) FROM article", Long.class);
            if (stored < articles) {
                System.out.printf(
                        Locale.ROOT,
                        "Filling the archive to %,d articles (kept in %s for the next run)%n",
                        articles,
                        data);
                // The bulk path the search benchmark fills its H2 archive by (the same rows, a fraction of the time),
                // so both share one archive of a size.
                double seconds = H2BulkLoad.fill(jdbc, filler(context), stored, articles - stored, "archive");
                System.out.printf(Locale.ROOT, "  %.0f s%n", seconds);
            }
            // A bulk fill leaves the published articles for the search index's catch-up, which would otherwise run
            // beside the timed requests: a search waits for it, as in the growth part.
            awaitSearchCatchUp(context);
            jdbc.execute("ANALYZE");
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            String base = "http://127.0.0.1:" + port;
            LatencyBench bench = new LatencyBench();
            SplittableRandom random = new SplittableRandom(5);
            LocalDate newest = LocalDate.ofInstant(CorpusGenerator.NEWEST, java.time.ZoneOffset.UTC)
                    .minusDays(1);
            List<LocalDate> days = Stream.generate(() -> newest.minusDays(random.nextInt(3 * 365)))
                    .limit(2000L)
                    .toList();
            ArticleQueries queries = context.getBean(ArticleQueries.class);
            System.out.printf(
                    Locale.ROOT,
                    "Query latency over %,d stored articles, %d sequential requests each:%n",
                    articles,
                    requests);
            lines.add(String.format(
                    Locale.ROOT, "## Query latency, %,d stored articles (sequential requests, ms)%n", articles));
            lines.add("| request | n | p50 | p99 | max | bytes |");
            lines.add("|---|---:|---:|---:|---:|---:|");
            int warm = Math.max(20, requests / 10);
            lines.add(bench.http("GET /feed.xml", warm, requests, i -> base + "/feed.xml")
                    .row());
            lines.add(bench.http("GET /feed.xml?topic=adc", warm, requests, i -> base + "/feed.xml?topic=adc")
                    .row());
            lines.add(bench.http(
                            "GET /feed.xml?topic=patient-care",
                            warm,
                            requests,
                            i -> base + "/feed.xml?topic=patient-care")
                    .row());
            lines.add(bench.http(
                            "GET /api/digests/{date}",
                            warm,
                            requests,
                            i -> base + "/api/digests/" + days.get(i % days.size()))
                    .row());
            lines.add(bench.http("GET /api/digests", warm, Math.max(20, requests / 10), i -> base + "/api/digests")
                    .row());
            List<String> notes = new ArrayList<>();
            lines.add(digestWork(jdbc, base, days.subList(0, Math.min(days.size(), warm + requests)), newest, notes));
            if (hasArticlesApi(base)) {
                lines.add(
                        bench.http("GET /api/articles?topic=tki", warm, requests, i -> base + "/api/articles?topic=tki")
                                .row());
            } else {
                lines.add(LatencyBench.measure(
                                "ArticleQueries.newest(topic=tki, 50) (no /api/articles in this build)",
                                warm,
                                requests,
                                i -> queries.newest(new ArticleFilter(Set.of("tki"), null, null, null, null), 50)
                                        .size())
                        .row());
            }
            List<String> viaIndex =
                    queries.newest(new ArticleFilter(Set.of("adc"), null, null, null, null), 50).stream()
                            .map(org.her2feeds.store.StoredArticle::id)
                            .toList();
            List<String> viaExists = jdbc.queryForList("""
                    SELECT a.id FROM article a WHERE a.relevant = TRUE
                    AND EXISTS (SELECT 1 FROM article_topic t WHERE t.article_id = a.id AND t.slug = 'adc')
                    ORDER BY a.sort_at DESC, a.id DESC FETCH FIRST 50 ROWS ONLY""", String.class);
            if (!viaIndex.equals(viaExists)) {
                throw new IllegalStateException("the topic query returns other articles than the plain EXISTS form");
            }
            System.out.println("  topic query checked: the same 50 articles as the plain EXISTS form");
            lines.add(LatencyBench.measure(
                            "ArticleQueries.newest(topics=adc,tki, 50)",
                            warm,
                            requests,
                            i -> queries.newest(new ArticleFilter(Set.of("adc", "tki"), null, null, null, null), 50)
                                    .size())
                    .row());
            lines.addAll(notes);
        }
        lines.add("\nGoal: p99 under 50 ms.\n");
        report.addAll(lines);
    }

    /**
     * What one uncached day's digest costs, in figures that barely move with the machine's load: the statements it
     * runs and the rows they return (H2's query statistics), and the CPU time and allocation of the request thread,
     * over days the latency rows did not ask for (a day asked for again is answered from the render cache).
     */
    private static String digestWork(
            JdbcTemplate jdbc, String base, List<LocalDate> asked, LocalDate newest, List<String> notes)
            throws Exception {
        Set<LocalDate> seen = new java.util.HashSet<>(asked);
        List<LocalDate> fresh = Stream.iterate(newest, d -> d.minusDays(1))
                .limit(3 * 365)
                .filter(d -> !seen.contains(d))
                .limit(100)
                .toList();
        LatencyBench client = new LatencyBench();
        jdbc.execute("SET QUERY_STATISTICS_MAX_ENTRIES 1000");
        jdbc.execute("SET QUERY_STATISTICS TRUE");
        long cpu = ServerCpu.tomcatNanos();
        long allocated = ServerCpu.tomcatAllocatedBytes();
        LatencyBench.Latency latency = client.http(
                "GET /api/digests/{date}, days not asked before",
                0,
                fresh.size(),
                i -> base + "/api/digests/" + fresh.get(i));
        double cpuMs = (ServerCpu.tomcatNanos() - cpu) / 1e6 / fresh.size();
        double allocatedMb = (ServerCpu.tomcatAllocatedBytes() - allocated) / 1e6 / fresh.size();
        List<Map<String, Object>> statements = jdbc.queryForList("""
                SELECT SQL_STATEMENT, EXECUTION_COUNT, CUMULATIVE_ROW_COUNT, CUMULATIVE_EXECUTION_TIME
                FROM INFORMATION_SCHEMA.QUERY_STATISTICS ORDER BY CUMULATIVE_EXECUTION_TIME DESC""");
        jdbc.execute("SET QUERY_STATISTICS FALSE");
        long executions = 0;
        long rows = 0;
        for (Map<String, Object> statement : statements) {
            String sql = String.valueOf(statement.get("SQL_STATEMENT"));
            if (sql.contains("QUERY_STATISTICS")) {
                continue;
            }
            long count = ((Number) statement.get("EXECUTION_COUNT")).longValue();
            long returned = ((Number) statement.get("CUMULATIVE_ROW_COUNT")).longValue();
            executions += count;
            rows += returned;
            System.out.printf(
                    Locale.ROOT,
                    "    %,d x, %,d rows, %.1f ms: %s%n",
                    count,
                    returned,
                    ((Number) statement.get("CUMULATIVE_EXECUTION_TIME")).doubleValue(),
                    sql.replaceAll("\\s+", " ")
                            .substring(
                                    0, Math.min(160, sql.replaceAll("\\s+", " ").length())));
        }
        String work = String.format(
                Locale.ROOT,
                "  per uncached digest (%d days): %.1f statements, %.0f rows returned, %.1f ms CPU and %.1f MB "
                        + "allocated on the request thread",
                fresh.size(),
                executions / (double) fresh.size(),
                rows / (double) fresh.size(),
                cpuMs,
                allocatedMb);
        System.out.println(work);
        notes.add("\n" + work.strip() + "\n");
        return latency.row();
    }

    /** The PostgreSQL database of this run: another run on the same server may use the default one. */
    private String clusterDatabase() {
        String name = options.getOrDefault("cluster.db", "her2_bench_scale");
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("cluster.db '" + name + "' is not a plain lower-case database name");
        }
        return name;
    }

    private String pgDatabase() {
        String name = options.getOrDefault("pgdb", "her2_bench");
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("pgdb '" + name + "' is not a plain lower-case database name");
        }
        return name;
    }

    /** {@code ?q=} at {@code articles} on H2 and PostgreSQL, each archive filled once and kept. */
    private void search(CorpusGenerator.Corpus corpus) throws Exception {
        int articles = option("articles", 1_000_000);
        int requests = option("requests", 300);
        int baseline = option("baseline", 20);
        Map<String, Object> h2 =
                BenchContext.properties(corpus.sourcesFile(), target.resolve("bench-data/archive-" + articles));
        Set<String> databases = Set.of(options.getOrDefault("searchdb", "h2,pg").split(","));
        Map<String, Double> before = searchBaseline();
        Map<String, Double> now = new LinkedHashMap<>();
        try {
            if (databases.contains("h2")) {
                report.addAll(searchOn(
                        "H2 (Lucene)", h2, articles, requests, baseline, new SearchBench.Figures("h2", before, now)));
            }
            if (databases.contains("pg")) {
                searchOnPostgres(corpus, articles, requests, baseline, new SearchBench.Figures("pg", before, now));
            }
        } finally {
            StringBuilder tsv = new StringBuilder(String.format(
                    Locale.ROOT,
                    "# search figures (ms) of the run of %s, articles=%d requests=%d%n",
                    java.time.Instant.now(),
                    articles,
                    requests));
            now.forEach((k, v) -> tsv.append(k).append('\t').append(v).append('\n'));
            Files.writeString(target.resolve("bench-search-figures.tsv"), tsv);
        }
    }

    /**
     * The search figures of the code before (src/test/resources/bench/search-baseline.tsv, a
     * target/bench-search-figures.tsv of a run on that code), printed beside this run's; its first line, a comment,
     * names the code and the command, and the report repeats it.
     */
    private Map<String, Double> searchBaseline() throws IOException {
        Path file = Path.of("src/test/resources/bench/search-baseline.tsv");
        Map<String, Double> before = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return before;
        }
        List<String> lines = Files.readAllLines(file);
        for (String line : lines) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] kv = line.split("\t");
                before.put(kv[0], Double.parseDouble(kv[1]));
            }
        }
        report.add("Search baseline (the \"before\" column): " + lines.get(0).replaceFirst("^#\\s*", "") + "\n");
        return before;
    }

    private void searchOnPostgres(
            CorpusGenerator.Corpus corpus, int articles, int requests, int baseline, SearchBench.Figures figures)
            throws Exception {
        if (!reachable("127.0.0.1", 5432)) {
            report.add("PostgreSQL: skipped, nothing listens on 127.0.0.1:5432\n");
            return;
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "")) {
            var exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
            exists.setString(1, pgDatabase());
            if (!exists.executeQuery().next()) {
                c.createStatement().execute("CREATE DATABASE " + pgDatabase());
            }
        }
        Map<String, Object> pg = BenchContext.postgres(
                BenchContext.properties(corpus.sourcesFile(), target.resolve("bench-data/pg-search")), pgDatabase());
        report.addAll(searchOn("PostgreSQL (" + pgDatabase() + ")", pg, articles, requests, baseline, figures));
    }

    private List<String> searchOn(
            String database,
            Map<String, Object> properties,
            int articles,
            int requests,
            int baseline,
            SearchBench.Figures figures)
            throws Exception {
        properties.put("server.port", "0");
        long started = System.nanoTime();
        try (ConfigurableApplicationContext context = BenchContext.start(properties, true)) {
            System.out.printf(
                    Locale.ROOT,
                    "%s: started in %.0f s (migrations and indexing included)%n",
                    database,
                    (System.nanoTime() - started) / 1e9);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            long stored = jdbc.queryForObject("SELECT COUNT(*) FROM article", Long.class);
            if (stored < articles) {
                System.out.printf(
                        Locale.ROOT, "Filling %s to %,d articles (kept for the next run)%n", database, articles);
                double seconds = database.startsWith("PostgreSQL")
                        ? filler(context).fill(stored, articles - stored, database)
                        : H2BulkLoad.fill(jdbc, filler(context), stored, articles - stored, database);
                System.out.printf(Locale.ROOT, "  %.0f s%n", seconds);
            }
            // VACUUM too on PostgreSQL: what autovacuum does in service (the visibility map lets the date and topic
            // indexes answer without reading the table); autovacuum may be off or behind on a bench server.
            jdbc.execute(database.startsWith("PostgreSQL") ? "VACUUM ANALYZE" : "ANALYZE");
            String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
            return SearchBench.latency(context, database, articles, requests, baseline, base, figures);
        }
    }

    /** A search takes in what the index's catch-up has not yet indexed, and waits for it. */
    private static void awaitSearchCatchUp(ConfigurableApplicationContext context) {
        long indexing = System.nanoTime();
        context.getBean(ArticleQueries.class).search(new ArticleFilter(Set.of(), null, "trastuzumab", null, null), 1);
        System.out.printf(
                Locale.ROOT,
                "  search index caught up with the archive in %.0f s%n",
                (System.nanoTime() - indexing) / 1e9);
    }

    /** Issue 12's serving comparison: the service beside nginx on the same bytes ({@link ServingBench}). */
    private void serving(Path sourcesFile) throws Exception {
        Path data = target.resolve("bench-data/serving");
        deleteTree(data);
        Map<String, Object> properties = BenchContext.properties(sourcesFile, data.resolve("db"));
        properties.put("server.port", "0");
        try (ConfigurableApplicationContext context = BenchContext.start(properties, true)) {
            filler(context).fill(0, option("serving.articles", 1000), "serving archive");
            // The service sees the filler's change at its next poll of the change counter (every 2 s).
            Thread.sleep(3000);
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            report.addAll(new ServingBench(
                            data,
                            option("connections", 32),
                            option("serving.warmup", 3),
                            option("serving.seconds", 10),
                            figures)
                    .run(port));
            report.add("");
        }
    }

    private static boolean hasArticlesApi(String base) {
        try {
            var response = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/articles?topic=tki"))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    static ArchiveFiller filler(ConfigurableApplicationContext context) {
        return new ArchiveFiller(
                context.getBean(JdbcTemplate.class),
                context.getBean(TransactionTemplate.class),
                context.getBean(Tagger.class),
                context.getBean(JsonMapper.class));
    }

    private static boolean reachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
