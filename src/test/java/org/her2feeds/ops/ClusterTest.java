package org.her2feeds.ops;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.her2feeds.Her2FeedsApplication;
import org.her2feeds.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the service (separate JVMs, as in production) on one PostgreSQL schema, clustered through
 * Quartz, fetching feeds served by WireMock. Proves from WireMock's request journal and a count of the requests
 * it holds at once that no source is fetched by both instances at once (a trigger fired twice), that both
 * instances serve the same feed, and that when one instance is killed (SIGKILL, in the middle of a fetch) the
 * survivor's Quartz recovers its jobs and fetches every source, the interrupted one included. Nothing is asserted
 * about how long any of this takes: the waits are generous upper bounds for things to happen.
 *
 * <p>Short intervals make this take seconds: sources every {@value #INTERVAL_SECONDS} s (allowed by the
 * test-only {@code her2.minimum-http-interval}), check-in every {@value #CHECKIN_MILLIS} ms.
 */
class ClusterTest {

    static final int INTERVAL_SECONDS = 5;
    static final long CHECKIN_MILLIS = 2000;
    static final int SOURCES = 5;
    static final int SLOW_SECONDS = 4;
    /** How long the server holds a request for the other sources, so that a double fetch would overlap. */
    static final long HOLD_MILLIS = 1000;

    /** Holds every request a while and counts, per source, how many requests it holds at once. */
    static final InFlight inFlight = new InFlight();

    static final WireMockServer remote = new WireMockServer(
            WireMockConfiguration.options().dynamicPort().containerThreads(20).extensions(inFlight));
    static TestPostgres database;

    @TempDir
    static Path work;

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final List<Node> nodes = new ArrayList<>();

    @BeforeAll
    static void sources() throws IOException {
        database = TestPostgres.freshSchema("cluster");
        remote.start();
        StringBuilder yaml = new StringBuilder("sources:\n");
        for (int i = 1; i <= SOURCES; i++) {
            String id = i == SOURCES ? "slow" : "source-" + i;
            remote.stubFor(get("/" + id + ".rss")
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "application/rss+xml")
                            .withBody(feed(id))));
            yaml.append("""
                      - id: %1$s
                        title: Feed %1$s
                        url: %2$s/%1$s.rss
                        interval: PT%3$dS
                    """.formatted(id, remote.baseUrl(), INTERVAL_SECONDS));
        }
        Files.writeString(work.resolve("sources.yml"), yaml);
    }

    /** Every feed carries the same trial report (one DOI) and one article of its own. */
    static String feed(String id) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Feed %1$s</title><link>https://%1$s.example/</link>
                <description>Feed</description>
                <item><title>Trastuzumab deruxtecan in HER2-positive breast cancer: the shared trial</title>
                  <link>https://doi.org/10.5555/cluster.shared</link><guid>%1$s-shared</guid>
                  <description>HER2-positive metastatic breast cancer after trastuzumab.</description>
                  <pubDate>Mon, 23 Nov 2026 10:00:00 GMT</pubDate></item>
                <item><title>HER2-low breast cancer report from %1$s</title>
                  <link>https://%1$s.example/articles/1</link><guid>%1$s-own</guid>
                  <description>HER2-low disease and antibody-drug conjugates.</description>
                  <pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate></item>
                </channel></rss>
                """.formatted(id);
    }

    @AfterAll
    static void cleanUp() throws Exception {
        if (remote.isRunning()) {
            remote.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void twoInstancesShareTheSourcesServeTheSameFeedAndOneTakesOverWhenTheOtherIsKilled() throws Exception {
        try {
            Node a = start("node-a");
            Node b = start("node-b");
            a.awaitReady();
            b.awaitReady();

            // Every source fetched a few times over, by whichever instance acquired its trigger.
            await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> fetchesBySource().values().stream().allMatch(count -> count >= 3)
                            && fetchesBySource().size() == SOURCES);
            assertNoSourceFetchedByBothAtOnce();
            Map<String, Long> byNode = remote.getAllServeEvents().stream()
                    .collect(Collectors.groupingBy(
                            event -> event.getRequest().getHeader("User-Agent"), Collectors.counting()));
            assertThat(byNode.keySet())
                    .as("every fetch came from one of the instances")
                    .isSubsetOf("her2-node-a", "her2-node-b");
            System.out.println("ClusterTest: fetches per instance " + byNode);

            // The same archive, the same feed from both (the base URL in links is the one each was reached at).
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                String feedA = a.feed();
                assertThat(feedA).contains("the shared trial");
                for (int i = 1; i < SOURCES; i++) {
                    assertThat(feedA).contains("report from source-" + i);
                }
                assertThat(feedA.split("<item>", -1))
                        .as("one shared article, one of each source")
                        .hasSize(SOURCES + 2);
                assertThat(b.feed()).isEqualTo(feedA);
            });

            // Kill whichever instance is in the middle of fetching the slow source.
            String busy = await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> executing("slow"), name -> name != null);
            Node killed = busy.equals(a.name) ? a : b;
            Node survivor = killed == a ? b : a;
            Set<UUID> beforeKill =
                    remote.getAllServeEvents().stream().map(ServeEvent::getId).collect(Collectors.toSet());
            killed.process.destroyForcibly().waitFor();

            // The survivor fetches every source, the interrupted one included, once Quartz declared the other dead.
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> fetchedBySince(survivor, beforeKill).size() == SOURCES);
            System.out.println("ClusterTest: after killing " + killed.name + ", " + survivor.name + " fetched "
                    + fetchedBySince(survivor, beforeKill));
            assertThat(survivor.log())
                    .as("the survivor's Quartz recovered the killed instance's jobs")
                    .contains("Scanning for instance \"" + killed.name + "\"'s failed in-progress jobs");
            assertThat(survivor.process.isAlive()).isTrue();
            assertNoSourceFetchedByBothAtOnce();
            assertThat(survivor.feed()).contains("the shared trial");
        } finally {
            for (Node node : nodes) {
                node.process.destroyForcibly().waitFor();
            }
        }
    }

    /**
     * A source's trigger fired on both instances would reach the server twice at once: every request is held
     * a while, so such a double fetch overlaps and shows as two requests in flight for one source.
     */
    private static void assertNoSourceFetchedByBothAtOnce() {
        assertThat(inFlight.maxPerSource())
                .as("most requests in flight at once, per source")
                .hasSize(SOURCES)
                .allSatisfy((url, most) -> assertThat(most).as(url).isEqualTo(1));
    }

    private Map<String, Long> fetchesBySource() {
        return remote.getAllServeEvents().stream()
                .collect(Collectors.groupingBy(event -> event.getRequest().getUrl(), Collectors.counting()));
    }

    /** The sources an instance fetched in requests the server received after those it had seen in {@code before}. */
    private Set<String> fetchedBySince(Node node, Set<UUID> before) {
        return remote.getAllServeEvents().stream()
                .filter(event -> !before.contains(event.getId()))
                .filter(event -> ("her2-" + node.name).equals(event.getRequest().getHeader("User-Agent")))
                .map(event -> event.getRequest().getUrl())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The Quartz instance running a source's job now, from the cluster's shared table. */
    private String executing(String sourceId) throws Exception {
        try (Connection connection = database.connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT instance_name FROM qrtz_fired_triggers WHERE job_name = ? AND state = 'EXECUTING'")) {
            query.setString(1, sourceId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private Node start(String name) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = List.of(
                java,
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                Her2FeedsApplication.class.getName(),
                "--spring.profiles.active=postgres",
                "--server.port=" + port,
                "--her2.sources-file=" + work.resolve("sources.yml"),
                "--her2.data-dir=" + work.resolve(name),
                "--her2.minimum-http-interval=PT1S",
                "--her2.schedule.first-fetch-window=PT3S",
                "--her2.change-poll-interval=500ms",
                "--her2.fetch.allow-private-addresses=true",
                "--her2.fetch.user-agent=her2-" + name,
                "--spring.quartz.properties.org.quartz.scheduler.instanceId=" + name,
                "--spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=" + CHECKIN_MILLIS);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".log").toFile());
        builder.environment().put("HER2_DB_URL", database.url());
        builder.environment().put("HER2_DB_USER", database.user());
        builder.environment().put("HER2_DB_PASSWORD", database.password());
        Node node = new Node(name, builder.start(), port, work.resolve(name + ".log"));
        nodes.add(node);
        return node;
    }

    private final class Node {
        final String name;
        final Process process;
        final int port;
        final Path log;

        Node(String name, Process process, int port, Path log) {
            this.name = name;
            this.process = process;
            this.port = port;
            this.log = log;
        }

        void awaitReady() throws Exception {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    fail(name + " exited with " + process.exitValue() + ":\n" + tail());
                }
                try {
                    if (http.send(request("/actuator/health/readiness"), HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200) {
                        return;
                    }
                } catch (IOException notYetListening) {
                    // starting
                }
                Thread.sleep(300);
            }
            fail(name + " did not become ready:\n" + tail());
        }

        String feed() throws Exception {
            HttpResponse<String> response =
                    http.send(request("/feed.xml"), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(name + " /feed.xml").isEqualTo(200);
            return response.body().replace("localhost:" + port, "localhost:PORT");
        }

        private HttpRequest request(String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(10))
                    .build();
        }

        String log() throws IOException {
            return Files.readString(log);
        }

        private String tail() throws IOException {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        }
    }

    /** Holds each request (the slow source longer) and records how many requests per source it held at once. */
    static final class InFlight implements ResponseDefinitionTransformerV2 {
        private final Map<String, AtomicInteger> now = new ConcurrentHashMap<>();
        private final Map<String, Integer> most = new ConcurrentHashMap<>();

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            String url = serveEvent.getRequest().getUrl();
            AtomicInteger count = now.computeIfAbsent(url, u -> new AtomicInteger());
            most.merge(url, count.incrementAndGet(), Math::max);
            try {
                Thread.sleep(url.equals("/slow.rss") ? SLOW_SECONDS * 1000L : HOLD_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                count.decrementAndGet();
            }
            return serveEvent.getResponseDefinition();
        }

        Map<String, Integer> maxPerSource() {
            return Map.copyOf(most);
        }

        @Override
        public String getName() {
            return "in-flight";
        }
    }
}
