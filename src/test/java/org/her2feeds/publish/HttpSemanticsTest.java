package org.her2feeds.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.her2feeds.http.RenderCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ServerHttpObservationFilter;

/** What readers and caches rely on: validators, 304s, HEAD, gzip, freshness, and one render per change. */
class HttpSemanticsTest extends ApiTestSupport {

    @Autowired
    RenderCache cache;

    @Autowired
    MeterRegistry meters;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/feed.xml",
                "/feed.atom?topic=adc",
                "/feed.json?kind=journal",
                "/topics/adc/feed.xml",
                "/api/digests/2025-03-10",
                "/api/digests",
                "/api/digests?from=2025-03-08&to=2025-03-11"
            })
    void everyOutputHasValidatorsFreshnessAndAnswers304(String path) {
        HttpResponse<byte[]> full = get(path);
        assertThat(full.statusCode()).isEqualTo(200);
        String etag = full.headers().firstValue("ETag").orElseThrow();
        String lastModified = full.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(etag).as("strong").startsWith("\"");
        // The shortest interval of the enabled sources is the journal's PT15M.
        assertThat(full.headers().firstValue("Cache-Control")).hasValue("public, max-age=900");
        assertThat(full.headers().firstValue("Vary")).hasValue("Accept-Encoding");

        HttpResponse<byte[]> byTag = get(path, "If-None-Match", etag);
        assertThat(byTag.statusCode()).isEqualTo(304);
        assertThat(byTag.body()).isEmpty();
        assertThat(byTag.headers().firstValue("ETag")).hasValue(etag);
        assertThat(byTag.headers().firstValue("Cache-Control")).hasValue("public, max-age=900");

        assertThat(get(path, "If-None-Match", "\"other\", " + etag).statusCode())
                .isEqualTo(304);
        assertThat(get(path, "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        assertThat(get(path, "If-Modified-Since", "Thu, 01 Jan 2015 00:00:00 GMT")
                        .statusCode())
                .isEqualTo(200);
        // If-None-Match decides alone when present (RFC 9110 13.2.2).
        assertThat(get(path, "If-None-Match", "\"stale\"", "If-Modified-Since", lastModified)
                        .statusCode())
                .isEqualTo(200);
    }

    /**
     * A poll of a rendered output is answered in Tomcat's pipeline, before any filter (the http package's
     * CachedAnswerValve); a reader must not see which path answered: same status, bytes and headers as the render.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/feed.xml", "/topics/adc/feed.xml?cb=1", "/api/digests/2025-03-10"})
    void aCachedAnswerHasTheStatusBytesAndHeadersOfTheRenderedOne(String path) {
        for (List<String> request : List.of(
                List.<String>of(),
                List.of("Accept-Encoding", "gzip"),
                List.of(
                        "Accept-Encoding",
                        "gzip",
                        "If-None-Match",
                        get(path, "Accept-Encoding", "gzip")
                                .headers()
                                .firstValue("ETag")
                                .orElseThrow()))) {
            String[] headers = request.toArray(String[]::new);
            cache.clear();
            long renders = cache.renders();
            HttpResponse<byte[]> rendered = get(path, headers);
            assertThat(cache.renders()).as("answered by MVC").isEqualTo(renders + 1);
            HttpResponse<byte[]> cached = get(path, headers);
            assertThat(cache.renders()).as("answered from the cache").isEqualTo(renders + 1);

            assertThat(cached.statusCode()).as(request.toString()).isEqualTo(rendered.statusCode());
            assertThat(cached.body()).as(request.toString()).isEqualTo(rendered.body());
            assertThat(withoutDate(cached)).as(request.toString()).isEqualTo(withoutDate(rendered));
            assertThat(cached.headers().firstValue("Vary")).hasValue("Accept-Encoding");
            assertThat(cached.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(cached.headers().firstValue("Content-Security-Policy")).isPresent();
        }
    }

    private static Map<String, List<String>> withoutDate(HttpResponse<byte[]> response) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(response.headers().map());
        headers.remove("Date");
        return headers;
    }

    @Test
    void unknownQueryParametersAndTheHostHeaderNameNoNewOutput() {
        HttpResponse<byte[]> first = get("/feed.xml?topic=adc");
        int entries = cache.size();
        long renders = cache.renders();
        for (int n = 0; n < 50; n++) {
            HttpResponse<byte[]> busted = get("/feed.xml?cb=" + n + "&topic=adc&utm_source=x" + n);
            assertThat(busted.statusCode()).isEqualTo(200);
            assertThat(busted.body()).isEqualTo(first.body());
        }
        assertThat(cache.size()).as("no entry per cache buster").isEqualTo(entries);
        assertThat(cache.renders()).isEqualTo(renders);
        assertThat(new String(first.body(), java.nio.charset.StandardCharsets.UTF_8))
                .as("links from her2.publish.base-url, never from the request's host")
                .contains("https://her2.example.org/feed.xml?topic=adc")
                .doesNotContain("localhost:" + port);
    }

    @Test
    void renderCacheStatisticsAreInTheMeterRegistry() {
        get("/feed.xml");
        get("/feed.xml");
        assertThat(meters.get("cache.gets")
                        .tags("cache", "render", "result", "hit")
                        .functionCounter()
                        .count())
                .isPositive();
        assertThat(meters.get("cache.size").tags("cache", "render").gauge().value())
                .isPositive();
    }

    @Test
    void pollsAnsweredFromTheCacheAreCountedUnderTheRouteTheyAsk() {
        String route = "/topics/{slug}/feed.xml";
        double before = requestsCounted(route);
        // The first may render (through MVC), the others are answered from the render cache.
        for (int i = 0; i < 4; i++) {
            assertThat(get("/topics/adc/feed.xml").statusCode()).isEqualTo(200);
        }
        // The request timer stops after the body is sent, so the client can be a moment ahead of it; "at least",
        // because an earlier test's request may be recorded meanwhile. Cached polls counted elsewhere give +1 at most.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(requestsCounted(route)).isGreaterThanOrEqualTo(before + 4));
    }

    /**
     * A cached poll is recorded without an observation of its own, so its tags must come out exactly as those of the
     * same request answered by MVC: any difference would show as a second timer for one route, method and status.
     */
    @ParameterizedTest
    @ValueSource(strings = {"200", "304"})
    void aCachedPollIsRecordedInTheTimerOfTheRenderedOne(String status) {
        String path = "/topics/adc/feed.xml";
        String route = "/topics/{slug}/feed.xml";
        String[] headers = "304".equals(status)
                ? new String[] {
                    "If-None-Match", get(path).headers().firstValue("ETag").orElseThrow()
                }
                : new String[0];
        cache.clear();
        long renders = cache.renders();
        assertThat(get(path, headers).statusCode()).isEqualTo(Integer.parseInt(status));
        assertThat(cache.renders()).as("answered by MVC").isEqualTo(renders + 1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !timers(route, status).isEmpty());
        long before = timers(route, status).stream().mapToLong(Timer::count).sum();
        for (int i = 0; i < 3; i++) {
            assertThat(get(path, headers).statusCode()).isEqualTo(Integer.parseInt(status));
        }
        assertThat(cache.renders()).as("answered from the cache").isEqualTo(renders + 1);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(timers(route, status).get(0).count()).isGreaterThanOrEqualTo(before + 3));
        assertThat(timers(route, status))
                .as("one timer for GET " + route + " " + status + ", whichever path answered")
                .hasSize(1);
        assertThat(timers(route, status).get(0).getId().getTags())
                .extracting(Tag::getKey)
                .containsExactlyInAnyOrder("error", "exception", "method", "outcome", "status", "uri");
    }

    /** Boot's own registration of the request observation gives way to the one with the cached polls' convention. */
    @Test
    void everyRequestIsObservedOnceAfterTheCachedAnswer(@Autowired List<FilterRegistrationBean<?>> registrations) {
        assertThat(registrations)
                .filteredOn(registration -> registration.getFilter() instanceof ServerHttpObservationFilter)
                .singleElement()
                .extracting(FilterRegistrationBean::getOrder)
                .as("after the security headers")
                .isEqualTo(Ordered.HIGHEST_PRECEDENCE + 1);
    }

    private List<Timer> timers(String route, String status) {
        return List.copyOf(meters.find("http.server.requests")
                .tags("uri", route, "method", "GET", "status", status)
                .timers());
    }

    private double requestsCounted(String route) {
        return meters.find("http.server.requests").tag("uri", route).timers().stream()
                .mapToDouble(timer -> timer.count())
                .sum();
    }

    @Test
    void headSendsTheHeadersOfGetWithoutABody() {
        HttpResponse<byte[]> full = get("/feed.xml");
        HttpResponse<byte[]> head = send("HEAD", "/feed.xml");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("Content-Length")).hasValue(String.valueOf(full.body().length));
        assertThat(head.headers().firstValue("ETag")).isEqualTo(full.headers().firstValue("ETag"));
        assertThat(head.headers().firstValue("Content-Type"))
                .isEqualTo(full.headers().firstValue("Content-Type"));
    }

    @Test
    void gzipGoesToClientsThatAcceptItWithItsOwnStrongTag() throws Exception {
        HttpResponse<byte[]> plain = get("/feed.xml");
        HttpResponse<byte[]> gzip = get("/feed.xml", "Accept-Encoding", "br;q=1.0, gzip;q=0.8");
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gzip.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain.body());
        }
        String gzipTag = gzip.headers().firstValue("ETag").orElseThrow();
        assertThat(gzipTag).isNotEqualTo(plain.headers().firstValue("ETag").orElseThrow());
        assertThat(get("/feed.xml", "Accept-Encoding", "gzip", "If-None-Match", gzipTag)
                        .statusCode())
                .isEqualTo(304);
        assertThat(get("/feed.xml", "Accept-Encoding", "gzip;q=0").headers().firstValue("Content-Encoding"))
                .isEmpty();
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    }

    @Test
    void anUnchangedOutputIsRenderedOnceAndAChangeRendersItAgain() {
        List<String> paths = List.of("/feed.xml?limit=7", "/feed.json?limit=7", "/api/digests/2025-03-11");
        paths.forEach(this::get);
        long renders = cache.renders();
        for (int poll = 0; poll < 20; poll++) {
            for (String path : paths) {
                HttpResponse<byte[]> response = get(path, "Accept-Encoding", "gzip");
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(get(
                                        path,
                                        "If-None-Match",
                                        response.headers().firstValue("ETag").orElseThrow())
                                .statusCode())
                        .isEqualTo(304);
            }
        }
        assertThat(cache.renders())
                .as("120 polls of unchanged outputs render (and query) nothing")
                .isEqualTo(renders);

        String before = get("/feed.xml?limit=7").headers().firstValue("ETag").orElseThrow();
        store.saveFeed(
                "wire",
                List.of(article(
                        "wire",
                        "w-semantics",
                        "https://wire.example/s/1",
                        "Pertuzumab news for the cache test",
                        "2025-03-11T10:00:00Z",
                        "antibodies")));
        HttpResponse<byte[]> after = get("/feed.xml?limit=7", "If-None-Match", before);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(new String(after.body())).contains("Pertuzumab news for the cache test");
        assertThat(cache.renders()).isEqualTo(renders + 1);
        assertThat(get("/api/digests/2025-03-11").body()).asString().contains("Pertuzumab news for the cache test");
    }

    @Test
    void corsLetsOnlyThePortalReadTheApi() {
        HttpResponse<byte[]> portal = get("/api/digests", "Origin", "https://portal.example");
        assertThat(portal.statusCode()).isEqualTo(200);
        assertThat(portal.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://portal.example");
        assertThat(portal.headers().allValues("Access-Control-Expose-Headers").toString())
                .contains("ETag");

        HttpResponse<byte[]> stranger = get("/api/topics", "Origin", "https://elsewhere.example");
        assertThat(stranger.statusCode()).isEqualTo(403);
        assertThat(stranger.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<byte[]> preflight = send(
                "OPTIONS", "/api/articles", "Origin", "https://portal.example", "Access-Control-Request-Method", "GET");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue("https://portal.example");
    }
}
