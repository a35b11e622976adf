package org.her2feeds.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.her2feeds.ingest.IngestOutcome;
import org.her2feeds.ingest.IngestService;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14's soak run ({@code ./mvnw -q -Pbench verify -Dbench.args="only=soak"}; options {@code sources} (500),
 * {@code minutes} (21 simulated minutes)). The real service, on a test clock, polls sources on a local fault host
 * (WireMock) at the five-minute minimum: good feeds, slow ones, failing, redirecting, oversized and hostile ones, a
 * tenth each except good (half), while a load generator polls the public feeds and digests. Fetches run on four
 * threads, as Quartz's, whenever a source is due on the simulated clock (so backoff is honoured). Reports fetches,
 * articles stored against expected, heap and threads at start and end, p99 per public endpoint, and the errors
 * of each kind of source against the fault injected.
 */
final class SoakRun {

    private static final int GOOD_ITEMS = 5;
    /** When the pools have reached their working size; growth after it is what a leak would show. */
    private static final int WARM_MINUTES = 5;

    private static final int REDIRECTED_ITEMS = 3;
    private static final String[] KINDS = {
        "good", "good", "good", "good", "good", "slow", "failing", "redirecting", "oversized", "hostile"
    };
    private static final Map<String, String> EXPECTED_ERROR = Map.of(
            "good", "",
            "redirecting", "",
            "slow", "Timeout",
            "failing", "HttpStatus",
            "oversized", "BodyTooLarge",
            "hostile", "FeedParseException");

    private final int sources;
    private final int minutes;
    private final Path work;

    SoakRun(int sources, int minutes, Path work) {
        this.sources = sources;
        this.minutes = minutes;
        this.work = work;
    }

    List<String> run() throws Exception {
        WireMockServer host = new WireMockServer(
                // No request journal: it would keep every request in this JVM's heap and blur the service's.
                options().dynamicPort().containerThreads(64).disableRequestJournal());
        host.start();
        try {
            // A fresh database each run: the simulated clock starts again from the real present.
            Benchmarks.deleteTree(work);
            Files.createDirectories(work);
            Path sourcesFile = work.resolve("soak-sources.yml");
            Files.writeString(sourcesFile, sourcesYaml(host));
            Map<String, Object> p = BenchContext.properties(sourcesFile, work.resolve("data"));
            p.put("server.port", "0");
            p.put("her2.fetch.allow-private-addresses", "true");
            p.put("her2.fetch.max-concurrent-per-host", "8");
            p.put("her2.fetch.total-timeout", "2s");
            p.put("her2.fetch.max-body-size", "64KB");
            SimulatedClock clock = new SimulatedClock(Instant.now());
            String[] args = p.entrySet().stream()
                    .map(e -> "--" + e.getKey() + "=" + e.getValue())
                    .toArray(String[]::new);
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(
                            org.her2feeds.Her2FeedsApplication.class)
                    .web(WebApplicationType.SERVLET)
                    .initializers(c -> c.addBeanFactoryPostProcessor(factory -> {
                        // The service's one clock becomes the simulated one (after the configuration registered it).
                        ((BeanDefinitionRegistry) factory).removeBeanDefinition("clock");
                        factory.registerSingleton("clock", clock);
                    }))
                    .run(args)) {
                return soak(context, clock);
            }
        } finally {
            host.stop();
        }
    }

    private List<String> soak(ConfigurableApplicationContext context, SimulatedClock clock) throws Exception {
        IngestService ingest = context.getBean(IngestService.class);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        long heapStart = HeapWatch.usedAfterGc();
        int threadsStart = ManagementFactory.getThreadMXBean().getThreadCount();

        Load load = new Load(port);
        Thread loader = new Thread(load, "soak-load");
        loader.start();
        ExecutorService fetchers = Executors.newFixedThreadPool(4);
        Map<String, Map<String, Integer>> errorsByKind = new TreeMap<>();
        AtomicLong fetches = new AtomicLong();
        long started = System.nanoTime();
        long heapWarm = 0;
        int threadsWarm = 0;
        for (int minute = 0; minute <= minutes; minute++) {
            Instant now = clock.instant();
            Map<String, Instant> planned = ingest.plannedFetches();
            List<Future<IngestOutcome>> round = new ArrayList<>();
            for (int i = 0; i < sources; i++) {
                String id = id(i);
                Instant due = planned.get(id);
                if (due == null || !due.isAfter(now)) {
                    round.add(fetchers.submit(() -> ingest.ingest(id)));
                }
            }
            for (Future<IngestOutcome> future : round) {
                IngestOutcome outcome = future.get();
                fetches.incrementAndGet();
                String kind = outcome.sourceId().replaceAll("-\\d+$", "");
                String error = outcome.error() == null ? "" : outcome.error().replaceAll(":.*", "");
                errorsByKind.computeIfAbsent(kind, k -> new TreeMap<>()).merge(error, 1, Integer::sum);
            }
            if (minute == WARM_MINUTES) {
                // Pools (Tomcat, fetch threads, the load generator's client) have grown to their working size.
                heapWarm = HeapWatch.usedAfterGc();
                threadsWarm = ManagementFactory.getThreadMXBean().getThreadCount();
            }
            clock.advance(Duration.ofMinutes(1));
        }
        long realSeconds = (System.nanoTime() - started) / 1_000_000_000;
        load.stop();
        loader.join();
        fetchers.shutdown();

        long good = countOf("good");
        long redirecting = countOf("redirecting");
        long expectedArticles = good * GOOD_ITEMS + redirecting * REDIRECTED_ITEMS + 1;
        Long stored = jdbc.queryForObject("SELECT COUNT(*) FROM article", Long.class);
        Long links = jdbc.queryForObject("SELECT COUNT(*) FROM article_source", Long.class);
        long expectedLinks = good * (GOOD_ITEMS + 1) + redirecting * REDIRECTED_ITEMS;
        long heapEnd = HeapWatch.usedAfterGc();
        int threadsEnd = ManagementFactory.getThreadMXBean().getThreadCount();

        List<String> report = new ArrayList<>();
        report.add("\n## Soak run (issue 14)\n");
        report.add(String.format(
                Locale.ROOT,
                "%d sources on a local fault host, %d simulated minutes at the 5-minute minimum interval, %d s real; "
                        + "four fetch threads; a load generator polling the public outputs throughout.%n",
                sources,
                minutes,
                realSeconds));
        report.add("| measure | value |\n|---|---|");
        report.add("| fetches done | " + fetches.get() + " |");
        report.add("| articles stored / expected | " + stored + " / " + expectedArticles + " |");
        report.add("| source links stored / expected (no duplicates) | " + links + " / " + expectedLinks + " |");
        report.add(String.format(
                Locale.ROOT,
                "| heap after GC: start, after %d simulated minutes, end | %d MB, %d MB, %d MB |",
                WARM_MINUTES,
                heapStart >> 20,
                heapWarm >> 20,
                heapEnd >> 20));
        report.add("| live threads (service, fault host and load generator share the JVM): start, after " + WARM_MINUTES
                + " minutes, end | " + threadsStart + ", " + threadsWarm + ", " + threadsEnd + " |");
        report.add("| public requests during the run | " + load.count() + " (" + load.failures() + " not 200) |");
        report.add("\n| endpoint | p99 ms |\n|---|---|");
        load.p99().forEach((path, ms) -> report.add("| `" + path + "` | " + ms + " |"));
        report.add("\n| kind | fault injected → errors seen (count) | as expected |\n|---|---|---|");
        errorsByKind.forEach((kind, seen) -> report.add("| " + kind + " | " + EXPECTED_ERROR.get(kind) + " → " + seen
                + " | " + (seen.size() == 1 && seen.containsKey(EXPECTED_ERROR.get(kind)) ? "yes" : "NO") + " |"));
        return report;
    }

    private long countOf(String kind) {
        long n = 0;
        for (int i = 0; i < sources; i++) {
            if (KINDS[i % KINDS.length].equals(kind)) {
                n++;
            }
        }
        return n;
    }

    private static String id(int i) {
        return KINDS[i % KINDS.length] + "-" + i;
    }

    private String sourcesYaml(WireMockServer host) {
        StringBuilder yaml = new StringBuilder("sources:\n");
        for (int i = 0; i < sources; i++) {
            String kind = KINDS[i % KINDS.length];
            String path = "/" + id(i) + ".xml";
            switch (kind) {
                case "good" -> host.stubFor(get(path).willReturn(feed(rss(i, GOOD_ITEMS, true))));
                case "slow" ->
                    host.stubFor(get(path).willReturn(feed(rss(i, 2, false)).withFixedDelay(3_000)));
                case "failing" -> host.stubFor(get(path).willReturn(aResponse().withStatus(500)));
                case "redirecting" -> {
                    host.stubFor(get(path)
                            .willReturn(aResponse().withStatus(302).withHeader("Location", "/final-" + i + ".xml")));
                    host.stubFor(get("/final-" + i + ".xml").willReturn(feed(rss(i, REDIRECTED_ITEMS, false))));
                }
                case "oversized" -> host.stubFor(get(path).willReturn(feed(rss(i, 400, false))));
                default -> host.stubFor(get(path).willReturn(feed(BILLION_LAUGHS)));
            }
            yaml.append("  - id: ")
                    .append(id(i))
                    .append("\n    title: Soak ")
                    .append(id(i))
                    .append("\n    url: ")
                    .append(host.baseUrl())
                    .append(path)
                    .append("\n    interval: PT5M\n    kind: journal\n");
        }
        return yaml.toString();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder feed(String body) {
        return aResponse().withHeader("Content-Type", "application/rss+xml").withBody(body);
    }

    /** A feed of HER2 items unique to the source; good ones also carry one article every good source shares. */
    private static String rss(int source, int items, boolean shared) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>s")
                .append(source)
                .append("</title><link>https://soak.example/</link><description>d</description>");
        for (int i = 0; i < items; i++) {
            out.append(item("https://soak.example/" + source + "/" + i, "s" + source + "-" + i, source * 1000 + i));
        }
        if (shared) {
            out.append(item("https://soak.example/shared", "shared-" + source, 0));
        }
        return out.append("</channel></rss>").toString();
    }

    private static String item(String link, String guid, int n) {
        return "<item><title>Trastuzumab deruxtecan in HER2-positive breast cancer, report " + n + "</title><link>"
                + link + "</link><guid isPermaLink=\"false\">" + guid + "</guid><description>HER2-positive cohort "
                + n + ", treated with trastuzumab deruxtecan. " + "Padding text. ".repeat(10)
                + "</description><pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate></item>";
    }

    private static final String BILLION_LAUGHS = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
            + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
            + "<rss version=\"2.0\"><channel><title>&lol2;</title></channel></rss>";

    /** A mutable clock for the whole service: the schedule moves a minute per round. */
    static final class SimulatedClock extends Clock {
        private final AtomicReference<Instant> now;

        SimulatedClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration by) {
            now.updateAndGet(t -> t.plus(by));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    /** Polls the public outputs in a loop, keeping every latency per path. */
    private static final class Load implements Runnable {
        private static final List<String> PATHS = List.of(
                "/feed.xml", "/feed.json", "/topics/adc/feed.atom", "/api/digests", "/api/sources", "/sources.opml");
        private final HttpClient http = HttpClient.newHttpClient();
        private final int port;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Map<String, List<Long>> micros = new ConcurrentHashMap<>();
        private final AtomicLong failures = new AtomicLong();

        Load(int port) {
            this.port = port;
        }

        @Override
        public void run() {
            while (running.get()) {
                for (String path : PATHS) {
                    long t = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = http.send(
                                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                        .build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                    micros.computeIfAbsent(path, p -> Collections.synchronizedList(new ArrayList<>()))
                            .add((System.nanoTime() - t) / 1_000);
                }
            }
        }

        void stop() {
            running.set(false);
        }

        long count() {
            return micros.values().stream().mapToLong(List::size).sum();
        }

        long failures() {
            return failures.get();
        }

        Map<String, String> p99() {
            Map<String, String> out = new TreeMap<>();
            micros.forEach((path, list) -> {
                List<Long> sorted = new ArrayList<>(list);
                Collections.sort(sorted);
                long p99 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1));
                out.put(path, String.format(Locale.ROOT, "%.1f", p99 / 1000.0));
            });
            return out;
        }
    }
}
