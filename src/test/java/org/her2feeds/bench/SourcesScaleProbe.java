package org.her2feeds.bench;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.her2feeds.schedule.SourceScheduler;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.listeners.JobListenerSupport;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Run in a JVM of its own (so the heap and CPU it reports are the service's, not the benchmark's), twice on one
 * data folder: {@code first} starts the service on an empty database with {@code count} http sources on a local
 * fault host (WireMock, in this JVM), then records every source as fetched (ETag stored, next fetch 30 minutes
 * to a whole interval ahead) as a service in its steady state would have it; {@code restart} starts the service
 * again on that database with Quartz running and measures the steady state: CPU with nothing due (and the threads
 * that use it), then the scheduler's lag (time a fetch started after it was due) while sources fall due at
 * {@code rate} per second for {@code seconds} (the rate 100,000 sources of 6-24 h intervals have is about 2.2 per
 * second). The fault host answers 304 to a request carrying the stored ETag, 200 with a small feed otherwise (one
 * source in ten has no ETag recorded). Prints {@code RESULT key=value} lines for the benchmark to collect.
 */
public final class SourcesScaleProbe {

    private SourcesScaleProbe() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int count = Integer.parseInt(args[1]);
        Path data = Path.of(args[2]);
        double rate = args.length > 3 ? Double.parseDouble(args[3]) : 2.5;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 120;
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        WireMockServer host =
                FeedHost.started(options().dynamicPort().containerThreads(16).disableRequestJournal(), feed());
        Path sources = data.resolveSibling("sources-" + count + ".yml");
        if ("first".equals(mode)) {
            StringBuilder yaml = new StringBuilder("sources:\n");
            for (int i = 0; i < count; i++) {
                yaml.append(String.format(
                        Locale.ROOT,
                        "  - id: s%06d%n    title: Source %d%n    url: %s/feeds/s%06d.xml%n    interval: PT%dH%n",
                        i,
                        i,
                        "http://127.0.0.1:" + host.port(),
                        i,
                        intervalHours(i)));
            }
            Files.createDirectories(data.getParent());
            Files.writeString(sources, yaml);
        } else {
            // The fault host's port is new in this JVM.
            Files.writeString(
                    sources,
                    Files.readString(sources).replaceAll("http://127\\.0\\.0\\.1:\\d+/", host.baseUrl() + "/"));
        }
        Map<String, Object> properties = BenchContext.properties(sources, data);
        properties.put("spring.quartz.auto-startup", Boolean.toString(!"first".equals(mode)));
        properties.put("server.port", "0");
        properties.put("her2.fetch.allow-private-addresses", "true");
        long started = System.nanoTime();
        Map<String, Object> results = new java.util.LinkedHashMap<>();
        try (ConfigurableApplicationContext context = BenchContext.start(properties, true)) {
            results.put("context_ms", (System.nanoTime() - started) / 1_000_000);
            results.put("jvm_to_ready_ms", System.currentTimeMillis() - jvmStart);
            results.put("cpu_to_ready_ms", processCpuNanos() / 1_000_000);
            // Start-up runs on this thread: its CPU time is about what start-up takes on an otherwise idle machine.
            results.put(
                    "main_cpu_to_ready_ms", ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000);
            results.put("heap_after_gc_mb", HeapWatch.usedAfterGc() >> 20);
            SourceScheduler scheduler = context.getBean(SourceScheduler.class);
            Scheduler quartz = context.getBean(Scheduler.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            results.put("jobs", quartz.getJobKeys(GroupMatcher.anyJobGroup()).size());
            if ("first".equals(mode)) {
                seedSteadyState(jdbc, count);
                // The triggers of the first start are the never-fetched ones; the restart plans from the states.
                quartz.clear();
                long t = System.nanoTime();
                scheduler.synchronize();
                results.put("sync_fresh_ms", (System.nanoTime() - t) / 1_000_000);
            } else {
                Thread.sleep(5_000);
                idle(results, 20);
                lag(results, quartz, count, rate, seconds);
                long t = System.nanoTime();
                scheduler.synchronize();
                results.put("sync_steady_ms", (System.nanoTime() - t) / 1_000_000);
                results.put("heap_after_gc_end_mb", HeapWatch.usedAfterGc() >> 20);
            }
        } finally {
            host.stop();
        }
        results.forEach((k, v) -> System.out.println("RESULT " + k + "=" + v));
    }

    static int intervalHours(int i) {
        return 6 + i % 19;
    }

    /** Every source fetched 1 to 6 h ago with its ETag stored (but one in ten), next fetch 30 min or more ahead. */
    private static void seedSteadyState(JdbcTemplate jdbc, int count) {
        Instant now = Instant.now();
        List<Object[]> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Duration interval = Duration.ofHours(intervalHours(i));
            Duration ahead = Duration.ofMinutes(30).plusMillis((long)
                    ((interval.toMillis() - Duration.ofMinutes(30).toMillis()) * ((i * 0.618034) % 1.0)));
            Instant next = now.plus(ahead);
            Instant last = next.minus(interval);
            rows.add(new Object[] {
                String.format(Locale.ROOT, "s%06d", i),
                i % 10 == 0 ? null : FeedHost.ETAG,
                Timestamp.from(last),
                Timestamp.from(last),
                200,
                Timestamp.from(next)
            });
        }
        jdbc.batchUpdate("""
                INSERT INTO source_state (source_id, etag, last_attempt_at, last_success_at, last_status,
                    consecutive_failures, next_fetch_at) VALUES (?, ?, ?, ?, ?, 0, ?)""", rows);
    }

    /** CPU of the whole process over a window with nothing due, and the threads that used it. */
    private static void idle(Map<String, Object> results, int windowSeconds) throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> before = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            before.put(id, threads.getThreadCpuTime(id));
        }
        long cpu = processCpuNanos();
        Thread.sleep(windowSeconds * 1000L);
        long used = processCpuNanos() - cpu;
        results.put("idle_cpu_ms_per_10s", used / 1_000_000 / (windowSeconds / 10));
        results.put("idle_cpu_pct", String.format(Locale.ROOT, "%.2f", 100.0 * used / (windowSeconds * 1e9)));
        List<String> top = new ArrayList<>();
        for (long id : threads.getAllThreadIds()) {
            long now = threads.getThreadCpuTime(id);
            var info = threads.getThreadInfo(id);
            if (now > 0 && info != null) {
                long delta = now - before.getOrDefault(id, 0L);
                top.add(String.format(Locale.ROOT, "%010d %s=%dms", delta, info.getThreadName(), delta / 1_000_000));
            }
        }
        top.sort(Comparator.reverseOrder());
        results.put(
                "idle_top_threads",
                String.join(
                        "; ", top.stream().limit(5).map(s -> s.substring(11)).toList()));
    }

    /** Sources fall due at {@code rate} per second; the lag of each fetch is when it started less when it was due. */
    private static void lag(Map<String, Object> results, Scheduler quartz, int count, double rate, int seconds)
            throws Exception {
        int due = (int) (rate * seconds);
        List<long[]> lags = Collections.synchronizedList(new ArrayList<>());
        // Planned here rather than read from Quartz: a fire later than the misfire threshold gets a new
        // scheduled time, which would hide the lag.
        Map<String, Long> planned = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        quartz.getListenerManager().addJobListener(new JobListenerSupport() {
            @Override
            public String getName() {
                return "probe-lag";
            }

            @Override
            public void jobToBeExecuted(JobExecutionContext context) {
                Long due = planned.get(context.getJobDetail().getKey().getName());
                if (due != null) {
                    lags.add(new long[] {due, context.getFireTime().getTime() - due});
                }
            }

            @Override
            public void jobWasExecuted(JobExecutionContext context, JobExecutionException e) {
                done.incrementAndGet();
            }
        });
        // Far enough ahead that rescheduling them all is done before the first falls due, even on a busy machine.
        long setup = System.currentTimeMillis();
        long start = setup + 30_000;
        for (int j = 0; j < due; j++) {
            int source = (int) ((long) j * count / due);
            String id = String.format(Locale.ROOT, "s%06d", source);
            TriggerKey key = TriggerKey.triggerKey(id, "sources");
            Trigger trigger = quartz.getTrigger(key);
            long when = start + (long) (j * 1000 / rate);
            planned.put(id, when);
            quartz.rescheduleJob(
                    key,
                    trigger.getTriggerBuilder()
                            .startAt(new java.util.Date(when))
                            .build());
        }
        results.put("lag_setup_ms", System.currentTimeMillis() - setup);
        long cpu = processCpuNanos();
        long cpuFrom = System.currentTimeMillis();
        long deadline = start + seconds * 1000L + 180_000;
        while (done.get() < due && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
        long wall = System.currentTimeMillis() - cpuFrom;
        List<long[]> all;
        synchronized (lags) {
            all = new ArrayList<>(lags);
        }
        results.put("lag_due", due);
        results.put("lag_fetched", done.get());
        results.put(
                "lag_cpu_pct", String.format(Locale.ROOT, "%.1f", 100.0 * (processCpuNanos() - cpu) / (wall * 1e6)));
        percentiles(results, "lag", all.stream().mapToLong(l -> l[1]).sorted().toArray());
        // Steady state: the first 20 s of fetches also load and compile the fetch path in this new JVM.
        percentiles(
                results,
                "lag_steady",
                all.stream()
                        .filter(l -> l[0] >= start + 20_000)
                        .mapToLong(l -> l[1])
                        .sorted()
                        .toArray());
    }

    private static void percentiles(Map<String, Object> results, String name, long[] sorted) {
        if (sorted.length > 0) {
            results.put(name + "_n", sorted.length);
            results.put(name + "_p50_ms", sorted[sorted.length / 2]);
            results.put(
                    name + "_p99_ms", sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)]);
            results.put(name + "_max_ms", sorted[sorted.length - 1]);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String feed() {
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= 3; i++) {
            items.append("""
                    <item><title>HER2-positive breast cancer: trastuzumab deruxtecan report %1$d</title>
                      <link>https://news.example/her2/%1$d</link><guid>her2-%1$d</guid>
                      <description>HER2-low disease and antibody-drug conjugates, report %1$d.</description>
                      <pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate></item>
                    """.formatted(i));
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Fault host</title><link>https://news.example/</link>
                <description>Scale probe</description>
                %s</channel></rss>
                """.formatted(items);
    }
}
