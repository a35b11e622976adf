package org.her2feeds.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.her2feeds.ingest.IngestOutcome;
import org.her2feeds.ingest.IngestService;
import org.her2feeds.store.PublicError;
import org.her2feeds.testsupport.RunningApplication;
import org.her2feeds.testsupport.StubServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The fault matrix: one test per way a real feed server misbehaves, each at the ingest level against WireMock.
 * Every faulty source first has a good fetch (two articles), then meets its fault in the same run as a healthy
 * partner source; each test then checks what an operator and a reader see: the source's recorded status, error
 * and next fetch time (through {@code /api/sources}), the partner fetched normally, and no article lost or
 * duplicated. The scheduler is not started: the tests drive {@link IngestService#ingest(String)} themselves.
 */
@ExtendWith(OutputCaptureExtension.class)
class FaultMatrixTest extends RunningApplication {

    static final Duration INTERVAL = Duration.ofMinutes(30);
    static final Duration TOTAL_TIMEOUT = Duration.ofSeconds(2);
    static final List<String> CASES = List.of(
            "timeout",
            "trickle",
            "reset",
            "empty-response",
            "not-found",
            "gone",
            "rate-limited",
            "unavailable-date",
            "server-errors",
            "backoff-cap",
            "moved-301",
            "moved-308",
            "found-302",
            "temporary-307",
            "loop",
            "too-many-redirects",
            "gzip-bomb",
            "too-long",
            "html-page",
            "empty-body",
            "json-body",
            "truncated",
            "bom-garbage",
            "html-entities",
            "invalid-chars",
            "wrong-charset",
            "missing-charset",
            "odd-dates",
            "no-guid-no-link",
            "xxe",
            "billion-laughs",
            "deep-nesting",
            "long-attribute",
            "ttl",
            "max-age-short",
            "max-age-long",
            "ttl-huge",
            "not-modified");
    static final int PER_HOST_SOURCES = 6;

    @RegisterExtension
    static final StubServer remote = StubServer.perClassAsStubbed();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Scheduler scheduler;

    static final ExecutorService together = Executors.newFixedThreadPool(PER_HOST_SOURCES);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        StringBuilder sources = new StringBuilder("sources:\n");
        for (String id : CASES) {
            sources.append(source(id, "/" + id + "/feed")).append(source(id + "-ok", "/" + id + "/ok"));
        }
        for (int i = 1; i <= PER_HOST_SOURCES; i++) {
            sources.append(source("host-" + i, "/host/" + i));
        }
        Path file = work.resolve("sources.yml");
        Files.writeString(file, sources);
        registry.add("her2.sources-file", file::toString);
        registry.add("her2.data-dir", () -> work.resolve("data").toString());
        registry.add("her2.fetch.allow-private-addresses", () -> "true");
        registry.add("her2.fetch.total-timeout", () -> TOTAL_TIMEOUT.toMillis() + "ms");
        registry.add("her2.fetch.connect-timeout", () -> "1s");
        registry.add("her2.fetch.max-body-size", () -> "4MB");
        registry.add("spring.quartz.auto-startup", () -> "false");
    }

    private static String source(String id, String path) {
        return """
                  - id: %s
                    title: Source %s
                    url: %s%s
                    interval: %s
                    kind: journal
                """.formatted(id, id, remote.baseUrl(), path, INTERVAL);
    }

    @AfterAll
    static void stop() {
        together.shutdownNow();
    }

    // ---- the network misbehaves ----

    @Test
    void aServerThatNeverAnswersTimesOutAndBacksOff() throws Exception {
        Run run = goodThenFault(
                "timeout", rssResponse(TestFeeds.rss("timeout", 3, 4)).withFixedDelay(5_000));

        run.assertFailure(null, "Timeout", "total timeout");
        run.assertBackoff(1);
    }

    @Test
    void aServerThatTricklesBytesIsCutOffAtTheTotalTimeout() throws Exception {
        Run run = goodThenFault(
                "trickle", rssResponse(TestFeeds.rss("trickle", 3, 40)).withChunkedDribbleDelay(50, 10_000));

        run.assertFailure(200, "Timeout", "total timeout");
        run.assertBackoff(1);
    }

    @Test
    void aConnectionResetIsAnIoError() throws Exception {
        Run run = goodThenFault("reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        run.assertFailure(null, "Io", "/reset/feed");
        run.assertBackoff(1);
    }

    @Test
    void aConnectionClosedWithoutAResponseIsAnIoError() throws Exception {
        Run run = goodThenFault("empty-response", aResponse().withFault(Fault.EMPTY_RESPONSE));

        run.assertFailure(null, "Io", "/empty-response/feed");
        run.assertBackoff(1);
    }

    // ---- HTTP statuses ----

    @Test
    void notFoundIsAFailureWithBackoff() throws Exception {
        Run run = goodThenFault("not-found", aResponse().withStatus(404));

        run.assertFailure(404, "HttpStatus", "HTTP 404");
        run.assertBackoff(1);
        assertThat(run.status.get("enabled").asBoolean()).isTrue();
    }

    @Test
    void goneDisablesTheSourceAndKeepsItsArticles() throws Exception {
        Run run = goodThenFault("gone", aResponse().withStatus(410));

        run.assertFailure(410, "HttpStatus", "HTTP 410 Gone");
        assertThat(run.fault.nextFetchAt()).isNull();
        assertThat(run.status.get("nextFetchAt").isNull()).isTrue();
        assertThat(run.status.get("enabled").asBoolean()).isFalse();
        assertThat(run.status.get("disabledReason").asString()).startsWith("gone: the server answered 410 Gone");

        IngestOutcome again = ingest.ingest("gone");
        assertThat(again.error()).startsWith("not fetched: gone");
        remote.verify(2, getRequestedFor(urlEqualTo("/gone/feed")));
        assertThat(ingest.activeSources())
                .extracting(s -> s.id())
                .doesNotContain("gone")
                .contains("gone-ok");
        assertArticles("gone", 2);
    }

    @Test
    void tooManyRequestsHonoursRetryAfterInSeconds() throws Exception {
        Run run = goodThenFault("rate-limited", aResponse().withStatus(429).withHeader("Retry-After", "7200"));

        run.assertFailure(429, "HttpStatus", "retry after 7200 s");
        run.assertNextFetchWithin(Duration.ofHours(2), Duration.ofHours(2));
    }

    @Test
    void unavailableHonoursRetryAfterAsAnHttpDate() throws Exception {
        Instant when = Instant.now().plus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(when.atOffset(ZoneOffset.UTC));
        Run run = goodThenFault("unavailable-date", aResponse().withStatus(503).withHeader("Retry-After", date));

        run.assertFailure(503, "HttpStatus", "HTTP 503");
        assertThat(run.fault.nextFetchAt()).isBetween(when.minusSeconds(2), when.plusSeconds(2));
        assertThat(run.statusTime("nextFetchAt")).isCloseTo(run.fault.nextFetchAt(), STORED_PRECISION);
    }

    @Test
    void repeatedServerErrorsBackOffExponentiallyAndASuccessRestoresTheInterval() throws Exception {
        String id = "server-errors";
        remote.stubFor(get("/" + id + "/feed")
                .inScenario(id)
                .whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500)));
        remote.stubFor(get("/" + id + "/feed")
                .inScenario(id)
                .whenScenarioStateIs("recovered")
                .willReturn(rssResponse(TestFeeds.rss(id, 1, 2))));
        serveHealthy(id);
        for (int failures = 1; failures <= 3; failures++) {
            Run run = together(id);
            run.assertFailure(500, "HttpStatus", "HTTP 500");
            run.assertBackoff(failures);
            assertThat(run.status.get("consecutiveFailures").asInt()).isEqualTo(failures);
        }
        remote.setScenarioState(id, "recovered");

        Run recovered = together(id);

        assertThat(recovered.fault.error()).isNull();
        assertThat(recovered.fault.added()).isEqualTo(2);
        assertThat(recovered.status.get("consecutiveFailures").asInt()).isZero();
        assertThat(recovered.status.get("lastError").isNull()).isTrue();
        assertThat(recovered.status.get("lastStatus").asInt()).isEqualTo(200);
        assertThat(recovered.statusTime("lastSuccessAt")).isBetween(recovered.before, recovered.after);
        recovered.assertNextFetchWithin(INTERVAL, INTERVAL);
        assertArticles(id, 2);
    }

    @Test
    void backoffIsCappedAtADay() throws Exception {
        String id = "backoff-cap";
        remote.stubFor(get("/" + id + "/feed").willReturn(aResponse().withStatus(502)));
        serveHealthy(id);
        for (int i = 1; i < 12; i++) {
            assertThat(ingest.ingest(id).error()).contains("HTTP 502");
        }

        Run run = together(id);

        run.assertFailure(502, "HttpStatus", "HTTP 502");
        assertThat(run.status.get("consecutiveFailures").asInt()).isEqualTo(12);
        run.assertNextFetchWithin(Duration.ofHours(24).multipliedBy(4).dividedBy(5), Duration.ofHours(24));
    }

    // ---- redirects ----

    @Test
    void aPermanentRedirectSeenOnThreeConsecutiveFetchesIsAdopted(CapturedOutput output) throws Exception {
        assertPermanentRedirectAdopted("moved-301", 301, output);
    }

    @Test
    void aPermanentRedirect308IsAdoptedLikeA301(CapturedOutput output) throws Exception {
        assertPermanentRedirectAdopted("moved-308", 308, output);
    }

    private void assertPermanentRedirectAdopted(String id, int status, CapturedOutput output) throws Exception {
        String old = remote.baseUrl() + "/" + id + "/feed";
        String moved = remote.baseUrl() + "/" + id + "/moved";
        remote.stubFor(get("/" + id + "/feed")
                .willReturn(aResponse().withStatus(status).withHeader("Location", moved)));
        remote.stubFor(get("/" + id + "/moved").willReturn(rssResponse(TestFeeds.rss(id, 1, 2))));
        serveHealthy(id);
        for (int fetch = 1; fetch <= 2; fetch++) {
            Run run = together(id);
            assertThat(run.fault.error()).isNull();
            assertThat(run.status.get("url").asString())
                    .as("after fetch %d", fetch)
                    .isEqualTo(old);
        }
        assertThat(output.getOut()).doesNotContain("source=" + id + " moved permanently");

        Run third = together(id);

        assertThat(third.status.get("url").asString()).isEqualTo(moved);
        assertThat(output.getOut())
                .contains("source=" + id + " moved permanently: " + old + " -> " + moved
                        + " (seen on 3 consecutive fetches)");
        ingest.ingest(id);
        remote.verify(3, getRequestedFor(urlEqualTo("/" + id + "/feed")));
        remote.verify(4, getRequestedFor(urlEqualTo("/" + id + "/moved")));
        assertArticles(id, 2);
    }

    @Test
    void aFoundRedirectIsFollowedButNeverAdopted() throws Exception {
        assertTemporaryRedirectNotAdopted("found-302", 302);
    }

    @Test
    void aTemporaryRedirect307IsFollowedButNeverAdopted() throws Exception {
        assertTemporaryRedirectNotAdopted("temporary-307", 307);
    }

    private void assertTemporaryRedirectNotAdopted(String id, int status) throws Exception {
        String old = remote.baseUrl() + "/" + id + "/feed";
        remote.stubFor(get("/" + id + "/feed")
                .willReturn(aResponse().withStatus(status).withHeader("Location", "/" + id + "/elsewhere")));
        remote.stubFor(get("/" + id + "/elsewhere").willReturn(rssResponse(TestFeeds.rss(id, 1, 2))));
        serveHealthy(id);
        for (int fetch = 1; fetch <= 4; fetch++) {
            Run run = together(id);
            assertThat(run.fault.error()).isNull();
            assertThat(run.fault.status()).isEqualTo(200);
            assertThat(run.status.get("url").asString()).isEqualTo(old);
        }
        remote.verify(4, getRequestedFor(urlEqualTo("/" + id + "/feed")));
        assertArticles(id, 2);
    }

    @Test
    void aRedirectLoopIsAnError() throws Exception {
        String id = "loop";
        remote.stubFor(get("/" + id + "/a")
                .willReturn(aResponse().withStatus(302).withHeader("Location", "/" + id + "/feed")));
        Run run = goodThenFault(id, aResponse().withStatus(302).withHeader("Location", "/" + id + "/a"));

        run.assertFailure(302, "RedirectLoop", "redirect loop");
        run.assertBackoff(1);
    }

    @Test
    void moreThanFiveRedirectsAreAnError() throws Exception {
        String id = "too-many-redirects";
        for (int hop = 1; hop <= 6; hop++) {
            remote.stubFor(get("/" + id + "/hop" + hop)
                    .willReturn(aResponse().withStatus(301).withHeader("Location", "/" + id + "/hop" + (hop + 1))));
        }
        remote.stubFor(get("/" + id + "/hop7").willReturn(rssResponse(TestFeeds.rss(id, 3, 4))));
        Run run = goodThenFault(id, aResponse().withStatus(301).withHeader("Location", "/" + id + "/hop1"));

        run.assertFailure(301, "TooManyRedirects", "more than 5 redirects");
        run.assertBackoff(1);
        remote.verify(0, getRequestedFor(urlEqualTo("/" + id + "/hop7")));
    }

    // ---- size limits ----

    @Test
    void aGzipBombStopsAtTheCapAfterDecompression() throws Exception {
        byte[] bomb = TestFeeds.gzipBomb(256 * 1024 * 1024);
        assertThat(bomb.length).isLessThan(1024 * 1024);
        Run run = goodThenFault(
                "gzip-bomb",
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/rss+xml")
                        .withHeader("Content-Encoding", "gzip")
                        .withBody(bomb));

        run.assertFailure(200, "BodyTooLarge", "4194304");
        run.assertBackoff(1);
    }

    @Test
    void aBodyLongerThanTheCapIsRefused() throws Exception {
        String padded = TestFeeds.rss("too-long", 3, 4)
                .replace("</channel>", "<!-- " + "x".repeat(5 * 1024 * 1024) + " --></channel>");
        Run run = goodThenFault("too-long", rssResponse(padded));

        run.assertFailure(200, "BodyTooLarge", "4194304");
        run.assertBackoff(1);
    }

    // ---- content that is not a usable feed ----

    @Test
    void anHtmlPageInsteadOfAFeedIsAParseError() throws Exception {
        Run run = goodThenFault(
                "html-page",
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<!DOCTYPE html><html><head><title>Moved</title></head><body><p>Our feed "
                                + "moved.</p></body></html>"));

        run.assertFailure(200, "FeedParseException", "not a feed (HTML page)");
        run.assertBackoff(1);
    }

    @Test
    void anEmptyBodyIsAParseError() throws Exception {
        Run run = goodThenFault(
                "empty-body", aResponse().withStatus(200).withHeader("Content-Type", "application/rss+xml"));

        run.assertFailure(200, "FeedParseException", "empty body");
        run.assertBackoff(1);
    }

    @Test
    void aJsonBodyIsAParseError() throws Exception {
        Run run = goodThenFault(
                "json-body",
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"maintenance\"}"));

        run.assertFailure(200, "FeedParseException", "JSON");
        run.assertBackoff(1);
    }

    @Test
    void aTruncatedFeedKeepsWhatIsCompleteOrFailsClearly() throws Exception {
        String whole = TestFeeds.rss("truncated", 3, 5);
        String cut = whole.substring(0, whole.indexOf("truncated study 5"));
        Run run = goodThenFault("truncated", rssResponse(cut));

        run.assertFailure(200, "FeedParseException", "line");
        run.assertBackoff(1);
    }

    // ---- content that is repaired ----

    @Test
    void aByteOrderMarkAndLeadingGarbageAreStripped() throws Exception {
        // What a PHP feed script prints when it warns before writing the feed.
        String body = "\uFEFF\n<br />\n<b>Warning</b>: Undefined variable $x in /var/www/feed.php on line 3<br />\n"
                + TestFeeds.rss("bom-garbage", 3, 4).strip();
        Run run = goodThenRepaired("bom-garbage", rssResponse(body), 2);

        run.assertRepairedStored();
    }

    @Test
    void htmlNamedEntitiesAreDecoded() throws Exception {
        String body = TestFeeds.rss("html-entities", 3, 4)
                .replace("HER2-positive breast cancer:", "HER2&ndash;positive breast cancer&nbsp;&eacute;tude:");
        Run run = goodThenRepaired("html-entities", rssResponse(body), 2);

        assertThat(titles("html-entities"))
                .contains("Trastuzumab deruxtecan in HER2–positive breast cancer étude: html-entities study 3");
    }

    @Test
    void charactersXmlForbidsAreDropped() throws Exception {
        String body = TestFeeds.rss("invalid-chars", 3, 4).replace("study 3", "study\u0001\u000B 3");
        Run run = goodThenRepaired("invalid-chars", rssResponse(body), 2);

        assertThat(titles("invalid-chars"))
                .contains("Trastuzumab deruxtecan in HER2-positive breast cancer: invalid-chars study 3");
    }

    @Test
    void aWrongCharsetLabelStillYieldsTheItems() throws Exception {
        byte[] latin1 = TestFeeds.rss("wrong-charset", 3, 4)
                .replace("study 3", "étude 3")
                .getBytes(StandardCharsets.ISO_8859_1);
        Run run = goodThenRepaired(
                "wrong-charset",
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/rss+xml; charset=utf-8")
                        .withBody(latin1),
                2);

        assertThat(titles("wrong-charset")).anyMatch(title -> title.endsWith("tude 3"));
    }

    @Test
    void aMissingCharsetFallsBackToTheXmlDeclaration() throws Exception {
        byte[] utf8 = TestFeeds.rss("missing-charset", 3, 4)
                .replace("study 3", "étude 3")
                .getBytes(StandardCharsets.UTF_8);
        Run run = goodThenRepaired(
                "missing-charset",
                aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/xml")
                        .withBody(utf8),
                2);

        assertThat(titles("missing-charset"))
                .contains("Trastuzumab deruxtecan in HER2-positive breast cancer: missing-charset étude 3");
    }

    @Test
    void oddDateFormatsAreRead() throws Exception {
        String body = TestFeeds.rss("odd-dates", 3, 5)
                .replace("Tue, 24 Nov 2026 10:03:00 GMT", "2026-11-24 10:03:00")
                .replace("Tue, 24 Nov 2026 10:04:00 GMT", "24 November 2026 10:04 CET")
                .replace("Tue, 24 Nov 2026 10:05:00 GMT", "Tuesday, 24-Nov-2026 10:05:00 +01:00");
        goodThenRepaired("odd-dates", rssResponse(body), 3);

        assertThat(jdbc.sql("""
                SELECT a.published_at FROM article a JOIN article_source s ON s.article_id = a.id
                WHERE s.source_id = 'odd-dates' AND s.guid IN ('odd-dates-3', 'odd-dates-4',
                    'odd-dates-5') ORDER BY s.guid""")
                        .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
                        .list())
                .containsExactly(
                        Instant.parse("2026-11-24T10:03:00Z"),
                        Instant.parse("2026-11-24T09:04:00Z"),
                        Instant.parse("2026-11-24T09:05:00Z"));
    }

    @Test
    void itemsWithoutGuidOrLinkAreStoredOnceAcrossFetches() throws Exception {
        String body = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>No ids</title><link>https://journal.example/</link>
                <description>x</description>
                <item><title>HER2-low breast cancer: trastuzumab deruxtecan real-world outcomes</title>
                <description>A HER2-low cohort.</description></item>
                <item>
                <description>Untitled note: pertuzumab and trastuzumab in HER2-positive early disease.</description>
                </item>
                <item><title></title></item>
                </channel></rss>
                """;
        Run run = goodThenRepaired("no-guid-no-link", rssResponse(body), 2);

        assertThat(run.fault.rejected()).isEqualTo(1);
        assertThat(titles("no-guid-no-link"))
                .contains(
                        "HER2-low breast cancer: trastuzumab deruxtecan real-world outcomes",
                        "Untitled note: pertuzumab and trastuzumab in HER2-positive early disease.");
        IngestOutcome again = ingest.ingest("no-guid-no-link");
        assertThat(again.added()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);
        assertArticles("no-guid-no-link", 4);
    }

    // ---- hostile content ----

    @Test
    @Timeout(60)
    void anExternalEntityIsRefusedWithoutReadingTheFile() throws Exception {
        Path secret = work.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-MARKER");
        String body = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "%s">]>
                <rss version="2.0"><channel><title>x</title><link>https://x.example/</link><description>x</description>
                <item><title>HER2 &xxe;</title><link>https://x.example/1</link></item></channel></rss>
                """.formatted(secret.toUri());
        Run run = goodThenFault("xxe", rssResponse(body));

        run.assertFailure(200, "FeedParseException", "DOCTYPE");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM article WHERE title LIKE '%TOP-SECRET%' OR summary_html LIKE "
                                + "'%TOP-SECRET%'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    @Timeout(60)
    void billionLaughsAreRefused() throws Exception {
        StringBuilder entities = new StringBuilder("<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            entities.append("<!ENTITY lol")
                    .append(i)
                    .append(" \"")
                    .append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">");
        }
        String body = "<?xml version=\"1.0\"?><!DOCTYPE rss [" + entities
                + "]><rss version=\"2.0\"><channel><title>&lol9;</title>"
                + "<item><title>HER2 &lol9;</title></item></channel></rss>";
        Run run = goodThenFault("billion-laughs", rssResponse(body));

        run.assertFailure(200, "FeedParseException", "DOCTYPE");
    }

    @Test
    @Timeout(60)
    void deeplyNestedElementsAreRefused() throws Exception {
        int depth = 100_000;
        String body = "<?xml version=\"1.0\"?><rss "
                + "version=\"2.0\"><channel><title>deep</title><item><title>HER2</title><description>"
                + "<div>".repeat(depth) + "</div>".repeat(depth) + "</description></item></channel></rss>";
        Run run = goodThenFault("deep-nesting", rssResponse(body));

        run.assertFailure(200, "FeedParseException", "nested deeper than 256 levels");
    }

    @Test
    @Timeout(60)
    void aVeryLongAttributeDoesNotExhaustTheService() throws Exception {
        String body = TestFeeds.rss("long-attribute", 3, 4)
                .replace(
                        "<guid isPermaLink=\"false\">long-attribute-3",
                        "<guid isPermaLink=\"false\" x=\"" + "A".repeat(3 * 1024 * 1024) + "\">long-attribute-3");
        Run run = goodThenRepaired("long-attribute", rssResponse(body), 2);

        assertThat(titles("long-attribute")).hasSize(4);
    }

    // ---- the publisher's own pace ----

    @Test
    void aTtlLongerThanTheIntervalLengthensIt() throws Exception {
        Run run = goodThenRepaired("ttl", rssResponse(TestFeeds.rss("ttl", 3, 4, "<ttl>120</ttl>")), 2);

        run.assertNextFetchWithin(Duration.ofHours(2), Duration.ofHours(2));
    }

    @Test
    void aShortMaxAgeNeverShortensTheInterval() throws Exception {
        Run run = goodThenRepaired(
                "max-age-short",
                rssResponse(TestFeeds.rss("max-age-short", 3, 4)).withHeader("Cache-Control", "public, max-age=60"),
                2);

        run.assertNextFetchWithin(INTERVAL, INTERVAL);
    }

    @Test
    void aLongMaxAgeLengthensTheInterval() throws Exception {
        Run run = goodThenRepaired(
                "max-age-long",
                rssResponse(TestFeeds.rss("max-age-long", 3, 4)).withHeader("Cache-Control", "max-age=10800"),
                2);

        run.assertNextFetchWithin(Duration.ofHours(3), Duration.ofHours(3));
    }

    @Test
    void aTtlOfDaysIsCappedAtADay() throws Exception {
        Run run = goodThenRepaired("ttl-huge", rssResponse(TestFeeds.rss("ttl-huge", 3, 4, "<ttl>10080</ttl>")), 2);

        run.assertNextFetchWithin(Duration.ofHours(24), Duration.ofHours(24));
    }

    @Test
    void notModifiedIsASuccessThatChangesNothing() throws Exception {
        String id = "not-modified";
        remote.stubFor(get("/" + id + "/feed")
                .withHeader("If-None-Match", com.github.tomakehurst.wiremock.client.WireMock.equalTo("\"v1\""))
                .atPriority(1)
                .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"v1\"")));
        remote.stubFor(get("/" + id + "/feed")
                .atPriority(5)
                .willReturn(rssResponse(TestFeeds.rss(id, 1, 2)).withHeader("ETag", "\"v1\"")));
        serveHealthy(id);
        assertThat(ingest.ingest(id).added()).isEqualTo(2);

        Run run = together(id);

        assertThat(run.fault.status()).isEqualTo(304);
        assertThat(run.fault.error()).isNull();
        assertThat(run.status.get("lastStatus").asInt()).isEqualTo(304);
        run.assertNextFetchWithin(INTERVAL, INTERVAL);
        assertArticles(id, 2);
    }

    // ---- politeness ----

    @Test
    void sourcesOnOneHostNeverHaveMoreThanTwoRequestsInFlight() throws Exception {
        for (int i = 1; i <= PER_HOST_SOURCES; i++) {
            remote.stubFor(get("/host/" + i)
                    .willReturn(rssResponse(TestFeeds.rss("host-" + i, 1, 2)).withFixedDelay(250)));
        }
        List<CompletableFuture<IngestOutcome>> runs = IntStream.rangeClosed(1, PER_HOST_SOURCES)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> ingest.ingest("host-" + i), together))
                .toList();

        assertThat(runs.stream().map(CompletableFuture::join).toList()).allSatisfy(outcome -> {
            assertThat(outcome.error()).isNull();
            assertThat(outcome.added()).isEqualTo(2);
        });
        List<long[]> spans = new ArrayList<>();
        for (ServeEvent event : remote.getAllServeEvents()) {
            if (event.getRequest().getUrl().startsWith("/host/")) {
                long start = event.getRequest().getLoggedDate().getTime();
                spans.add(new long[] {start, start + event.getTiming().getTotalTime()});
            }
        }
        assertThat(spans).hasSize(PER_HOST_SOURCES);
        int most = spans.stream()
                .mapToInt(span -> (int) spans.stream()
                        .filter(other -> other[0] <= span[0] && span[0] < other[1])
                        .count())
                .max()
                .orElse(0);
        assertThat(most).as("requests in flight to one host at once").isBetween(1, 2);
    }

    @Test
    void theSchedulerRunsAtMostFourFetchesAtOnce() throws Exception {
        assertThat(scheduler.getMetaData().getThreadPoolSize()).isEqualTo(4);
    }

    @Test
    void theSourcesApiListsEverySourceInFileOrderWithIsoTimes() throws Exception {
        JsonNode all = sources();
        List<String> ids = new ArrayList<>();
        all.forEach(node -> ids.add(node.get("id").asString()));
        List<String> expected = new ArrayList<>();
        CASES.forEach(id -> {
            expected.add(id);
            expected.add(id + "-ok");
        });
        IntStream.rangeClosed(1, PER_HOST_SOURCES).forEach(i -> expected.add("host-" + i));
        assertThat(ids).containsExactlyElementsOf(expected);
        JsonNode first = all.get(0);
        assertThat(first.propertyNames())
                .containsExactlyInAnyOrder(
                        "id",
                        "title",
                        "url",
                        "kind",
                        "interval",
                        "enabled",
                        "lastAttemptAt",
                        "lastSuccessAt",
                        "lastStatus",
                        "lastError",
                        "consecutiveFailures",
                        "nextFetchAt",
                        "disabledReason");
        assertThat(first.get("interval").asString()).isEqualTo("PT30M");
        assertThat(first.get("kind").asString()).isEqualTo("journal");
        assertThat(first.get("url").asString()).isEqualTo(remote.baseUrl() + "/timeout/feed");

        HttpResponse<String> missing = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/sources/nope"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("nope");
    }

    // ---- the run of one faulty source beside a healthy one ----

    /**
     * The faulty source's first fetch is good (items 1-2); its second, run beside the healthy partner, meets the fault.
     */
    private Run goodThenFault(String id, ResponseDefinitionBuilder fault) throws Exception {
        remote.stubFor(get("/" + id + "/feed")
                .inScenario(id)
                .whenScenarioStateIs(STARTED)
                .willReturn(rssResponse(TestFeeds.rss(id, 1, 2)))
                .willSetStateTo("fault"));
        remote.stubFor(get("/" + id + "/feed")
                .inScenario(id)
                .whenScenarioStateIs("fault")
                .willReturn(fault));
        serveHealthy(id);
        IngestOutcome good = ingest.ingest(id);
        assertThat(good.error()).isNull();
        assertThat(good.added()).isEqualTo(2);

        Run run = together(id);

        // Nothing the good fetch stored is lost, nothing is stored twice.
        assertArticles(id, 2);
        return run;
    }

    /** Like {@link #goodThenFault}, for content that is repaired: its {@code added} new items join the first two. */
    private Run goodThenRepaired(String id, ResponseDefinitionBuilder repairable, int added) throws Exception {
        remote.stubFor(get("/" + id + "/feed")
                .inScenario(id)
                .whenScenarioStateIs(STARTED)
                .willReturn(rssResponse(TestFeeds.rss(id, 1, 2)))
                .willSetStateTo("next"));
        remote.stubFor(get("/" + id + "/feed")
                .inScenario(id)
                .whenScenarioStateIs("next")
                .willReturn(repairable));
        serveHealthy(id);
        assertThat(ingest.ingest(id).added()).isEqualTo(2);

        Run run = together(id);

        assertThat(run.fault.error()).isNull();
        assertThat(run.fault.added()).isEqualTo(added);
        assertThat(run.status.get("lastError").isNull()).isTrue();
        assertThat(run.status.get("consecutiveFailures").asInt()).isZero();
        assertArticles(id, 2 + added);
        return run;
    }

    private void serveHealthy(String id) {
        remote.stubFor(get("/" + id + "/ok").willReturn(rssResponse(TestFeeds.rss(id + "-ok", 1, 3))));
    }

    /** Fetches the source and its healthy partner at the same time, then checks the partner came through whole. */
    private Run together(String id) throws Exception {
        Instant before = Instant.now();
        CompletableFuture<IngestOutcome> fault = CompletableFuture.supplyAsync(() -> ingest.ingest(id), together);
        CompletableFuture<IngestOutcome> ok = CompletableFuture.supplyAsync(() -> ingest.ingest(id + "-ok"), together);
        IngestOutcome faultOutcome = fault.join();
        IngestOutcome okOutcome = ok.join();
        Instant after = Instant.now();

        assertThat(okOutcome.error()).as("healthy partner of %s", id).isNull();
        assertThat(okOutcome.status()).isEqualTo(200);
        assertThat(okOutcome.added() + okOutcome.unchanged()).isEqualTo(3);
        assertArticles(id + "-ok", 3);
        JsonNode partner = status(id + "-ok");
        assertThat(partner.get("lastError").isNull()).isTrue();
        assertThat(partner.get("consecutiveFailures").asInt()).isZero();
        return new Run(faultOutcome, status(id), before, after);
    }

    /** Exactly {@code expected} articles from the source, each stored once. */
    private void assertArticles(String sourceId, int expected) {
        int links = jdbc.sql("SELECT COUNT(*) FROM article_source WHERE source_id = :id")
                .param("id", sourceId)
                .query(Integer.class)
                .single();
        int articles = jdbc.sql(
                        "SELECT COUNT(DISTINCT a.id) FROM article a JOIN article_source s ON s.article_id = a.id "
                                + "WHERE s.source_id = :id")
                .param("id", sourceId)
                .query(Integer.class)
                .single();
        int titles = jdbc.sql(
                        "SELECT COUNT(DISTINCT a.title) FROM article a JOIN article_source s ON s.article_id = a.id "
                                + "WHERE s.source_id = :id")
                .param("id", sourceId)
                .query(Integer.class)
                .single();
        assertThat(links).as("articles from %s", sourceId).isEqualTo(expected);
        assertThat(articles).as("distinct articles from %s", sourceId).isEqualTo(expected);
        assertThat(titles).as("distinct titles from %s", sourceId).isEqualTo(expected);
    }

    private List<String> titles(String sourceId) {
        return jdbc.sql("SELECT a.title FROM article a JOIN article_source s ON s.article_id = a.id WHERE "
                        + "s.source_id = :id")
                .param("id", sourceId)
                .query(String.class)
                .list();
    }

    private JsonNode status(String id) throws Exception {
        for (JsonNode node : sources()) {
            if (node.get("id").asString().equals(id)) {
                return node;
            }
        }
        throw new AssertionError("no source " + id + " in /api/sources");
    }

    private JsonNode sources() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/sources"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static ResponseDefinitionBuilder rssResponse(String body) {
        return aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/rss+xml; charset=utf-8")
                .withBody(body);
    }

    private static final org.assertj.core.data.TemporalUnitOffset STORED_PRECISION =
            org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MILLIS);
    private static final String ISO_WITH_OFFSET =
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})";

    /** One run of a faulty source: its outcome, its entry in /api/sources, and when the run happened. */
    record Run(IngestOutcome fault, JsonNode status, Instant before, Instant after) {

        void assertFailure(Integer httpStatus, String errorClass, String messagePart) {
            assertThat(fault.error())
                    .as("error")
                    .startsWith(errorClass + ": ")
                    .contains(messagePart)
                    .doesNotContain("\n");
            // The public API shows the category and a fixed sentence; the detail is the log's and the admin's.
            assertThat(status.get("lastError").asString())
                    .startsWith(errorClass + ": ")
                    .isEqualTo(PublicError.of(fault.error(), fault.status()));
            if (httpStatus == null) {
                assertThat(status.get("lastStatus").isNull()).as("lastStatus").isTrue();
            } else {
                assertThat(status.get("lastStatus").asInt()).as("lastStatus").isEqualTo(httpStatus);
            }
            assertThat(status.get("consecutiveFailures").asInt()).isPositive();
            assertThat(statusTime("lastAttemptAt")).isBetween(before, after);
            if (!status.get("lastSuccessAt").isNull()) {
                assertThat(statusTime("lastSuccessAt")).isBefore(before);
            }
        }

        /**
         * Two minutes times 2^(failures-1), less up to a fifth of jitter, at most a day; a first failure at most
         * the interval.
         */
        void assertBackoff(int failures) {
            assertThat(status.get("consecutiveFailures").asInt()).isEqualTo(failures);
            Duration full = Duration.ofMinutes(2).multipliedBy(1L << (failures - 1));
            Duration cap =
                    failures == 1 && INTERVAL.compareTo(Duration.ofHours(24)) < 0 ? INTERVAL : Duration.ofHours(24);
            Duration capped = full.compareTo(cap) > 0 ? cap : full;
            assertNextFetchWithin(capped.multipliedBy(4).dividedBy(5), capped);
        }

        void assertNextFetchWithin(Duration shortest, Duration longest) {
            assertThat(fault.nextFetchAt())
                    .isBetween(
                            before.plus(shortest).minusMillis(1),
                            after.plus(longest).plusMillis(1));
            // The database keeps microseconds; the outcome has the clock's nanoseconds.
            assertThat(statusTime("nextFetchAt")).isCloseTo(fault.nextFetchAt(), STORED_PRECISION);
        }

        void assertRepairedStored() {
            assertThat(fault.status()).isEqualTo(200);
            assertThat(status.get("lastStatus").asInt()).isEqualTo(200);
        }

        Instant statusTime(String field) {
            String text = status.get(field).asString();
            assertThat(text).as(field).matches(ISO_WITH_OFFSET);
            return OffsetDateTime.parse(text).toInstant();
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
