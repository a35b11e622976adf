package org.her2feeds.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.her2feeds.http.RenderCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * Polls of rendered outputs are answered in Tomcat's pipeline (the http package's CachedAnswerValve), before any
 * servlet filter: proven here by a filter that notes every request that reaches the filter chain. Over real HTTP,
 * an answer from there has the status, bytes and headers of the same request answered by MVC, for every case a
 * reader sends (plain, gzip, conditional, HEAD), and is counted in the request metrics of its route.
 */
@Import(CachedPollsBeforeFiltersTest.FilterProbe.class)
class CachedPollsBeforeFiltersTest extends ApiTestSupport {

    /** Notes every request that reaches the servlet filter chain, as its method, URI and query. */
    static class FilterProbe implements Filter, Ordered {

        final Set<String> seen = ConcurrentHashMap.newKeySet();

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest http = (HttpServletRequest) request;
            seen.add(http.getMethod() + " " + http.getRequestURI()
                    + (http.getQueryString() == null ? "" : "?" + http.getQueryString()));
            chain.doFilter(request, response);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    @Autowired
    FilterProbe probe;

    @Autowired
    RenderCache cache;

    @Autowired
    MeterRegistry meters;

    @ParameterizedTest
    @ValueSource(strings = {"/feed.xml", "/feed.json?kind=journal", "/topics/adc/feed.xml", "/api/digests/2025-03-10"})
    void aPollAnsweredBeforeTheFiltersIsTheAnswerMvcGives(String path) {
        String gzipEtag = get(path, "Accept-Encoding", "gzip")
                .headers()
                .firstValue("ETag")
                .orElseThrow();
        String etag = get(path).headers().firstValue("ETag").orElseThrow();
        for (List<String> request : List.of(
                List.of("GET"),
                List.of("GET", "Accept-Encoding", "gzip"),
                List.of("GET", "Accept-Encoding", "gzip", "If-None-Match", gzipEtag),
                List.of("GET", "If-None-Match", etag),
                List.of("HEAD"),
                List.of("HEAD", "Accept-Encoding", "gzip"))) {
            String method = request.get(0);
            String[] headers = request.subList(1, request.size()).toArray(String[]::new);
            cache.clear();
            probe.seen.clear();
            HttpResponse<byte[]> rendered = send(method, path, headers);
            assertThat(probe.seen).as("rendered through the filters and MVC").containsExactly(method + " " + path);
            probe.seen.clear();
            HttpResponse<byte[]> cached = send(method, path, headers);
            assertThat(probe.seen).as("answered before the filters: " + request).isEmpty();

            assertThat(cached.statusCode()).as(request.toString()).isEqualTo(rendered.statusCode());
            assertThat(cached.body()).as(request.toString()).isEqualTo(rendered.body());
            assertThat(withoutDate(cached)).as(request.toString()).isEqualTo(withoutDate(rendered));
            assertThat(cached.headers().firstValue("Date")).isPresent();
        }
    }

    @Test
    void aCrossOriginPollGoesThroughTheFiltersForItsCorsHeaders() {
        get("/api/digests/2025-03-10");
        probe.seen.clear();
        HttpResponse<byte[]> response = get("/api/digests/2025-03-10", "Origin", "https://portal.example");
        assertThat(probe.seen).containsExactly("GET /api/digests/2025-03-10");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://portal.example");
    }

    @ParameterizedTest
    @ValueSource(strings = {"200", "304"})
    void everyPollAnsweredBeforeTheFiltersIsCountedUnderItsRoute(String status) {
        String path = "/topics/adc/feed.xml";
        String route = "/topics/{slug}/feed.xml";
        String[] headers = "304".equals(status)
                ? new String[] {
                    "If-None-Match", get(path).headers().firstValue("ETag").orElseThrow()
                }
                : new String[0];
        get(path, headers);
        await().atMost(Duration.ofSeconds(10)).until(() -> count(route, status) > 0);
        long before = count(route, status);
        probe.seen.clear();
        for (int i = 0; i < 5; i++) {
            assertThat(get(path, headers).statusCode()).isEqualTo(Integer.parseInt(status));
        }
        assertThat(probe.seen).as("all answered before the filters").isEmpty();
        // The timer is recorded before Tomcat finishes the response: the client can be a moment ahead of it.
        await().atMost(Duration.ofSeconds(10)).until(() -> count(route, status) >= before + 5);
    }

    private long count(String route, String status) {
        return meters
                .find("http.server.requests")
                .tags("uri", route, "method", "GET", "status", status)
                .timers()
                .stream()
                .mapToLong(Timer::count)
                .sum();
    }

    private static Map<String, List<String>> withoutDate(HttpResponse<byte[]> response) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(response.headers().map());
        headers.remove("Date");
        return headers;
    }
}
