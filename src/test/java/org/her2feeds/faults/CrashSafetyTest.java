package org.her2feeds.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.h2.api.ErrorCode;
import org.her2feeds.Her2FeedsApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the service (SIGKILL, a separate JVM) inside the transaction that stores a large feed, restarts it on the
 * same database, and checks that nothing of the feed was kept and that the restart stores it whole, once.
 *
 * <p>The kill provably lands inside the transaction: a test-only hook (the JVM system property
 * {@value #HOLD_PROPERTY}) holds the transaction open after every row is written, and a second connection sees
 * nothing committed, a session with uncommitted changes, and the row the transaction updated locked.
 */
class CrashSafetyTest {

    static final int ITEMS = 10_000;
    static final String STORING = "source=big storing " + ITEMS + " articles in one transaction";
    static final String STORED = "source=big status=200 new=" + ITEMS;
    /** Set in the first instance only: its store stops before the feed's commit (see TransactionHoldHook). */
    static final String HOLD_PROPERTY = "her2.test.hold-feed-transaction";

    static final String HOLDING = "source=big holding the feed's transaction open before its commit";

    /**
     * How long a child may take to start and store the big feed. On the 2-core CI machine at a load of 30, a child
     * was still storing it 3 minutes after it began, so the budget is wide: it bounds a hang and measures nothing.
     */
    static final int STORE_BUDGET_SECONDS = 600;

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

        // The first instance writes the whole feed, then holds its transaction open before the commit (test hook).
        Child first = start(sources, data, "-D" + HOLD_PROPERTY + "=big");
        first.awaitLine(HOLDING, STORE_BUDGET_SECONDS);
        assertThat(first.transcript).contains(STORING);
        try (Connection other = DriverManager.getConnection(url(data), "sa", "");
                Statement s = other.createStatement()) {
            // Seen from a second connection while the first instance is stopped at the hook: nothing committed yet...
            assertThat(count(s, "SELECT COUNT(*) FROM article"))
                    .as("committed articles while the feed is being stored")
                    .isZero();
            // ...a session holding uncommitted changes...
            assertThat(count(s, "SELECT COUNT(*) FROM information_schema.sessions WHERE contains_uncommitted"))
                    .as("sessions with uncommitted changes")
                    .isPositive();
            // ...and the row the feed's transaction updated last (the archive version) is locked by it.
            s.execute("SET LOCK_TIMEOUT 1000");
            assertThatThrownBy(() -> s.executeQuery(
                            "SELECT long_value FROM store_meta WHERE name = 'articles_version' FOR UPDATE"))
                    .as("the archive version row, locked by the open transaction")
                    .isInstanceOfSatisfying(
                            SQLException.class,
                            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCode.LOCK_TIMEOUT_1));
        }
        first.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(first.process.isAlive()).isFalse();

        Counts afterKill = counts(data);
        assertThat(afterKill.articles)
                .as("articles after a kill inside the transaction")
                .isZero();
        assertThat(afterKill.links)
                .as("source links after a kill inside the transaction")
                .isZero();
        assertThat(afterKill.lastSuccess)
                .as("the interrupted fetch recorded as a success")
                .isFalse();

        Child second = start(sources, data);
        second.awaitLine(STORED, STORE_BUDGET_SECONDS);
        // Fetched again at once, not an hour later at its next regular fire: Quartz recovered the cut-short job.
        assertThat(second.transcript).contains("Recovering 1 jobs that were in-progress");
        assertThat(second.transcript).doesNotContain(HOLDING);
        // Read through H2's automatic server while the second instance still runs: what it committed is what
        // counts here. (After a stop cut short by SIGKILL, H2 may lose its last second of commits, a trade-off of
        // its write delay that this test is not about; under load a graceful stop can outlast any fixed wait.)
        Counts afterRestart = counts(data);
        second.process.destroy();
        second.process.waitFor(60, TimeUnit.SECONDS);
        second.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        assertThat(afterRestart.articles).as("articles after the restart").isEqualTo(ITEMS);
        assertThat(afterRestart.distinctGuids).as("distinct items").isEqualTo(ITEMS);
        assertThat(afterRestart.links).as("source links").isEqualTo(ITEMS);
        assertThat(afterRestart.lastSuccess)
                .as(
                        "the interrupted source was fetched again; the second instance's output ends:%n%s",
                        second.transcript.substring(Math.max(0, second.transcript.length() - 6000)))
                .isTrue();
    }

    private Child start(Path sources, Path data, String... jvmOptions) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
        command.addAll(List.of(jvmOptions));
        // Under surefire the class path is a manifest-only jar, which serves the child as well.
        command.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                Her2FeedsApplication.class.getName(),
                "--her2.sources-file=" + sources,
                "--spring.datasource.url=" + url(data),
                "--spring.datasource.username=sa",
                "--server.port=0",
                "--her2.schedule.first-fetch-window=PT1S",
                // The feed is large on purpose (a long transaction to kill), beyond the default item cap.
                "--her2.ingest.max-items-per-fetch=" + ITEMS,
                "--logging.level.org.her2feeds.ingest=DEBUG"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        started.add(process);
        return new Child(process);
    }

    /**
     * The service's H2 file database, as {@code her2.data-dir} would give it, with H2's automatic server mixed
     * in so that the test can open a second connection while the service holds the database.
     */
    private static String url(Path data) {
        return "jdbc:h2:file:" + data.toAbsolutePath().resolve("her2")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
    }

    private static Counts counts(Path data) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(data), "sa", "");
                Statement s = c.createStatement()) {
            return new Counts(
                    count(s, "SELECT COUNT(*) FROM article"),
                    count(s, "SELECT COUNT(DISTINCT guid) FROM article_source WHERE source_id = 'big'"),
                    count(s, "SELECT COUNT(*) FROM article_source WHERE source_id = 'big'"),
                    count(
                                    s,
                                    "SELECT COUNT(*) FROM source_state WHERE source_id = 'big' AND last_success_at "
                                            + "IS NOT NULL")
                            == 1);
        }
    }

    private static int count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    record Counts(int articles, int distinctGuids, int links, boolean lastSuccess) {}

    /** A child JVM whose output is read line by line, so the test can wait for what it logs. */
    static final class Child {
        final Process process;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final StringBuilder transcript = new StringBuilder();

        Child(Process process) {
            this.process = process;
            Thread reader = new Thread(
                    () -> {
                        try (BufferedReader in = new BufferedReader(
                                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                            String line;
                            while ((line = in.readLine()) != null) {
                                lines.add(line);
                            }
                        } catch (IOException ended) {
                            // The process was killed.
                        }
                    },
                    "crash-test-child-output");
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
