package org.her2feeds.bench;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.her2feeds.Her2FeedsApplication;

/**
 * Three instances of the service (separate JVMs, as in production) on one fresh PostgreSQL database, clustered
 * through Quartz, fetching {@code sources} feeds from a local fault host at a short interval. From the requests the
 * host received: how often each source was fetched per interval (exactly once is the goal: no gap between two
 * fetches of a source shorter than half an interval, none longer than one and a half), and each instance's share
 * of the fetches (the instance is told by its User-Agent). Only requests after a warm-up of two intervals count.
 */
final class ClusterShareRun {

    private static final int NODES = 3;

    private final int sources;
    private final Duration interval;
    private final int intervals;
    private final String database;
    private final Path work;

    ClusterShareRun(int sources, Duration interval, int intervals, String database, Path work) {
        this.sources = sources;
        this.interval = interval;
        this.intervals = intervals;
        this.database = database;
        this.work = work;
    }

    record Fetch(String url, String node, long at) {}

    List<String> run() throws Exception {
        freshDatabase();
        ConcurrentLinkedQueue<Fetch> fetches = new ConcurrentLinkedQueue<>();
        ServeEventListener recorder = new ServeEventListener() {
            @Override
            public void beforeResponseSent(ServeEvent event, com.github.tomakehurst.wiremock.extension.Parameters p) {
                fetches.add(new Fetch(
                        event.getRequest().getUrl(),
                        event.getRequest().getHeader("User-Agent"),
                        System.currentTimeMillis()));
            }

            @Override
            public String getName() {
                return "recorder";
            }
        };
        WireMockServer host = FeedHost.started(
                options()
                        .dynamicPort()
                        .containerThreads(40)
                        .disableRequestJournal()
                        .extensions(recorder),
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
                        + "<link>https://news.example/</link><description>d</description>"
                        + "<item><title>HER2-positive breast cancer report</title>"
                        + "<link>https://news.example/her2/1</link><guid>her2-1</guid></item>"
                        + "</channel></rss>");
        Files.createDirectories(work);
        StringBuilder yaml = new StringBuilder("sources:\n");
        for (int i = 0; i < sources; i++) {
            yaml.append(String.format(
                    Locale.ROOT,
                    "  - id: c%04d%n    title: Source %d%n    url: %s/feeds/c%04d.xml%n    interval: PT%dS%n",
                    i,
                    i,
                    host.baseUrl(),
                    i,
                    interval.toSeconds()));
        }
        Path sourcesFile = Files.writeString(work.resolve("sources.yml"), yaml);
        List<Process> nodes = new ArrayList<>();
        long measureFrom;
        long measureTo;
        try {
            for (int n = 1; n <= NODES; n++) {
                nodes.add(start("node-" + n, sourcesFile));
            }
            for (int n = 1; n <= NODES; n++) {
                awaitStarted("node-" + n, nodes.get(n - 1));
            }
            measureFrom = System.currentTimeMillis() + 2 * interval.toMillis();
            measureTo = measureFrom + intervals * interval.toMillis();
            Thread.sleep(measureTo - System.currentTimeMillis() + 2_000);
        } finally {
            for (Process node : nodes) {
                node.destroyForcibly().waitFor();
            }
            host.stop();
        }
        return report(new ArrayList<>(fetches), measureFrom, measureTo);
    }

    private List<String> report(List<Fetch> all, long from, long to) {
        long step = interval.toMillis();
        Map<String, List<Long>> bySource = new TreeMap<>();
        all.forEach(
                f -> bySource.computeIfAbsent(f.url(), u -> new ArrayList<>()).add(f.at()));
        int doubles = 0;
        int missed = 0;
        long shortest = Long.MAX_VALUE;
        long longest = 0;
        int inWindow = 0;
        int[] perSource = new int[8];
        for (List<Long> times : bySource.values()) {
            Collections.sort(times);
            int count = 0;
            for (int i = 0; i < times.size(); i++) {
                long t = times.get(i);
                if (t >= from && t < to) {
                    count++;
                }
                if (i > 0 && t >= from && t < to + step) {
                    long gap = t - times.get(i - 1);
                    shortest = Math.min(shortest, gap);
                    longest = Math.max(longest, gap);
                    if (gap < step / 2) {
                        doubles++;
                    } else if (gap > step * 3 / 2) {
                        missed++;
                    }
                }
            }
            inWindow += count;
            perSource[Math.min(perSource.length - 1, count)]++;
        }
        Map<String, Integer> byNode = new TreeMap<>();
        all.stream()
                .filter(f -> f.at() >= from && f.at() < to)
                .forEach(f -> byNode.merge(String.valueOf(f.node()), 1, Integer::sum));
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT,
                "## Three instances on one PostgreSQL database (%s): %d sources every %d s, %d intervals measured%n",
                database,
                sources,
                interval.toSeconds(),
                intervals));
        lines.add(String.format(
                Locale.ROOT,
                "Fetches in the window: %d (%d expected: sources × intervals), %.3f per source per interval; "
                        + "sources by fetches in the window %s; sources seen %d of %d.",
                inWindow,
                (long) sources * intervals,
                inWindow / (double) ((long) sources * intervals),
                histogram(perSource),
                bySource.size(),
                sources));
        lines.add(String.format(
                Locale.ROOT,
                "Gaps between two fetches of one source: shortest %.1f s, longest %.1f s; shorter than half an "
                        + "interval (a double fetch): %d; longer than one and a half (a missed interval): %d.",
                shortest == Long.MAX_VALUE ? 0 : shortest / 1000.0,
                longest / 1000.0,
                doubles,
                missed));
        lines.add("\n| instance | fetches | share | deviation from a third |");
        lines.add("|---|---:|---:|---:|");
        double worst = 0;
        for (Map.Entry<String, Integer> e : byNode.entrySet()) {
            double share = e.getValue() / (double) inWindow;
            double deviation = share * NODES - 1;
            worst = Math.max(worst, Math.abs(deviation));
            lines.add(String.format(
                    Locale.ROOT,
                    "| %s | %d | %.1f %% | %+.1f %% |",
                    e.getKey(),
                    e.getValue(),
                    100 * share,
                    100 * deviation));
        }
        lines.add(String.format(
                Locale.ROOT,
                "%nGoal: every source once per interval, each instance within 25 %% of a third: %s (largest "
                        + "deviation %.1f %%, %d instances fetched, %d double and %d missed intervals).",
                doubles == 0 && missed == 0 && worst <= 0.25 && byNode.size() == NODES ? "met" : "missed",
                100 * worst,
                byNode.size(),
                doubles,
                missed));
        return lines;
    }

    private static String histogram(int[] perSource) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < perSource.length; i++) {
            if (perSource[i] > 0) {
                out.append(out.length() > 1 ? ", " : "").append(i).append(": ").append(perSource[i]);
            }
        }
        return out.append('}').toString();
    }

    private void freshDatabase() throws Exception {
        try (Connection connection =
                        DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        }
    }

    private Process start(String name, Path sourcesFile) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(
                java,
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                Her2FeedsApplication.class.getName(),
                "--spring.profiles.active=postgres",
                "--spring.main.web-application-type=none",
                "--her2.sources-file=" + sourcesFile,
                "--her2.data-dir=" + work.resolve(name),
                "--her2.minimum-http-interval=PT1S",
                "--her2.schedule.first-fetch-window=" + interval,
                // Every source first within one interval, however many: the shares are counted from the third.
                "--her2.schedule.first-fetch-spacing=PT0S",
                "--her2.fetch.allow-private-addresses=true",
                "--her2.fetch.user-agent=" + name,
                "--spring.quartz.properties.org.quartz.scheduler.instanceId=" + name);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile());
        builder.environment().put("HER2_DB_URL", "jdbc:postgresql://127.0.0.1:5432/" + database);
        builder.environment().put("HER2_DB_USER", "postgres");
        builder.environment().put("HER2_DB_PASSWORD", "");
        return builder.start();
    }

    private void awaitStarted(String name, Process process) throws Exception {
        Path log = work.resolve(name + ".log");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited; see " + log);
            }
            if (Files.exists(log) && Files.readString(log).contains("Started Her2FeedsApplication")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " did not start; see " + log);
    }
}
