package org.her2feeds.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.her2feeds.Her2FeedsApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the service (SIGKILL, a separate JVM) while it stores a large feed, restarts it on the same database, and
 * checks that the feed was stored all or nothing, never twice, and fetched again after the restart.
 */
class CrashSafetyTest {

    static final int ITEMS = 10_000;
    static final String STORING = "source=big storing " + ITEMS + " articles in one transaction";
    static final String STORED = "source=big status=200 new=" + ITEMS;

    @TempDir
    Path work;

    final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopChildren() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void aKillInTheMiddleOfStoringAFeedLeavesNoPartialFeedAndTheFeedIsFetchedAgain() throws Exception {
        Path feed = work.resolve("big.rss");
        Files.writeString(feed, TestFeeds.rss("big", 1, ITEMS));
        Path sources = work.resolve("sources.yml");
        Files.writeString(sources, """
                sources:
                  - id: big
                    title: A large feed
                    url: %s
                    interval: PT1H
                """.formatted(feed.toUri()));
        Path data = work.resolve("data");

        Child first = start(sources, data);
        first.awaitLine(STORING, 240);
        first.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(first.process.isAlive()).isFalse();

        Counts afterKill = counts(data);
        System.out.printf("[crash] killed while storing: %d articles, %d source links in the database%n",
                afterKill.articles, afterKill.links);
        assertThat(afterKill.articles).as("articles after the kill: all or nothing").isIn(0, ITEMS);
        assertThat(afterKill.links).isEqualTo(afterKill.articles);

        Child second = start(sources, data);
        String stored = second.awaitLine(afterKill.articles == 0 ? STORED : "source=big status=200", 240);
        System.out.println("[crash] after the restart: " + stored.substring(stored.indexOf("source=big")));
        if (afterKill.articles == 0) {
            // Fetched again at once, not an hour later at its next regular fire: Quartz recovered the cut-short job.
            assertThat(second.transcript).contains("Recovering 1 jobs that were in-progress");
        }
        second.process.destroy();
        second.process.waitFor(60, TimeUnit.SECONDS);
        second.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        Counts afterRestart = counts(data);
        assertThat(afterRestart.articles).as("articles after the restart").isEqualTo(ITEMS);
        assertThat(afterRestart.distinctGuids).as("distinct items").isEqualTo(ITEMS);
        assertThat(afterRestart.links).as("source links").isEqualTo(ITEMS);
        assertThat(afterRestart.lastSuccess).as("the interrupted source was fetched again").isTrue();
    }

    private Child start(Path sources, Path data) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Under surefire the class path is a manifest-only jar, which serves the child as well.
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                Her2FeedsApplication.class.getName(),
                "--her2.sources-file=" + sources, "--her2.data-dir=" + data, "--server.port=0",
                "--her2.schedule.first-fetch-window=PT1S", "--logging.level.org.her2feeds.ingest=DEBUG")
                .redirectErrorStream(true);
        Process process = builder.start();
        started.add(process);
        return new Child(process);
    }

    private static Counts counts(Path data) throws SQLException {
        String url = "jdbc:h2:file:" + data.toAbsolutePath().resolve("her2") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            return new Counts(count(s, "SELECT COUNT(*) FROM article"),
                    count(s, "SELECT COUNT(DISTINCT guid) FROM article_source WHERE source_id = 'big'"),
                    count(s, "SELECT COUNT(*) FROM article_source WHERE source_id = 'big'"),
                    count(s, "SELECT COUNT(*) FROM source_state WHERE source_id = 'big' AND last_success_at IS NOT NULL") == 1);
        }
    }

    private static int count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    record Counts(int articles, int distinctGuids, int links, boolean lastSuccess) {
    }

    /** A child JVM whose output is read line by line, so the test can wait for what it logs. */
    static final class Child {
        final Process process;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final StringBuilder transcript = new StringBuilder();

        Child(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (IOException ended) {
                    // The process was killed.
                }
            }, "crash-test-child-output");
            reader.setDaemon(true);
            reader.start();
        }

        /** Waits for a line containing {@code text}; fails with the child's output when it exits or time runs out. */
        String awaitLine(String text, int seconds) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line != null) {
                    transcript.append(line).append('\n');
                    if (line.contains(text)) {
                        return line;
                    }
                } else if (!process.isAlive()) {
                    break;
                }
            }
            throw new AssertionError("no line containing '" + text + "' from the service; its output:\n"
                    + transcript.substring(Math.max(0, transcript.length() - 6000)));
        }
    }
}
