package org.her2feeds.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.her2feeds.store.ArticlesChanged;
import org.junit.jupiter.api.Test;

/**
 * The cache on its own: one render per key and version (concurrent misses included), dropped on change, bounded in
 * entries and bytes, its statistics in Micrometer.
 */
class RenderCacheTest {

    private final AtomicLong version = new AtomicLong(1);

    @Test
    void rendersOncePerKeyAndVersion() {
        RenderCache cache = new RenderCache(version::get, 10, 1_000_000);
        AtomicLong calls = new AtomicLong();
        for (int i = 0; i < 5; i++) {
            cache.get("feed", () -> output("v" + calls.incrementAndGet()));
        }
        assertThat(calls).hasValue(1);
        assertThat(cache.renders()).isEqualTo(1);

        version.incrementAndGet();
        Rendered fresh = cache.get("feed", () -> output("v" + calls.incrementAndGet()));
        assertThat(new String(fresh.body(), StandardCharsets.UTF_8)).isEqualTo("v2");
        assertThat(cache.renders()).isEqualTo(2);
    }

    @Test
    void concurrentMissesOfOneKeyRenderOnce() throws Exception {
        RenderCache cache = new RenderCache(version::get, 10, 1_000_000);
        int threads = 16;
        CountDownLatch rendering = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicLong calls = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Rendered>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> cache.get("feed", () -> {
                    calls.incrementAndGet();
                    rendering.countDown();
                    await(release);
                    return output("once");
                })));
            }
            assertThat(rendering.await(10, TimeUnit.SECONDS)).isTrue();
            // Every other request has had ample occasion to miss too before the one render is let finish.
            Thread.sleep(200);
            release.countDown();
            for (Future<Rendered> result : results) {
                assertThat(new String(result.get(10, TimeUnit.SECONDS).body(), StandardCharsets.UTF_8))
                        .isEqualTo("once");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(calls).hasValue(1);
        assertThat(cache.renders()).isEqualTo(1);
    }

    @Test
    void aFailedRenderIsNotCachedAndTheNextRequestRendersAgain() {
        RenderCache cache = new RenderCache(version::get, 10, 1_000_000);
        assertThatThrownBy(() -> cache.get("feed", () -> {
                    throw new IllegalStateException("database down");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(cache.peek("feed")).isNull();
        assertThat(cache.get("feed", () -> output("ok")).body())
                .isEqualTo(output("ok").body());
    }

    @Test
    void statisticsReachMicrometer() {
        RenderCache cache = new RenderCache(version::get, 10, 1_000_000);
        MeterRegistry registry = new SimpleMeterRegistry();
        cache.bindTo(registry);
        cache.get("feed", () -> output("a"));
        cache.get("feed", () -> output("a"));
        cache.get("feed", () -> output("a"));
        assertThat(registry.get("cache.gets")
                        .tags("cache", "render", "result", "hit")
                        .functionCounter()
                        .count())
                .isEqualTo(2);
        assertThat(registry.get("cache.gets")
                        .tags("cache", "render", "result", "miss")
                        .functionCounter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("cache.size").tags("cache", "render").gauge().value())
                .isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aChangeEventEmptiesTheCache() {
        RenderCache cache = new RenderCache(version::get, 10, 1_000_000);
        cache.get("a", () -> output("a"));
        cache.get("b", () -> output("b"));
        cache.onArticlesChanged(new ArticlesChanged(2));
        assertThat(cache.size()).isZero();
    }

    @Test
    void keepsAtMostTheConfiguredNumberOfEntriesDroppingTheLeastRecentlyUsed() {
        RenderCache cache = new RenderCache(version::get, 3, 1_000_000);
        cache.get("feed?limit=1", () -> output("1"));
        cache.get("feed?limit=2", () -> output("2"));
        cache.get("feed?limit=3", () -> output("3"));
        cache.get("feed?limit=1", () -> output("again"));
        for (int limit = 4; limit < 500; limit++) {
            String key = "feed?limit=" + limit;
            cache.get(key, () -> output(key));
            cache.get("feed?limit=1", () -> output("again"));
        }
        assertThat(cache.size()).isEqualTo(3);
        long before = cache.renders();
        cache.get("feed?limit=1", () -> output("again"));
        assertThat(cache.renders()).as("the entry in constant use survives").isEqualTo(before);
    }

    @Test
    void keepsWithinTheMemoryBudget() {
        RenderCache cache = new RenderCache(version::get, 1000, 50_000);
        for (int i = 0; i < 100; i++) {
            String key = "k" + i;
            cache.get(key, () -> output("x".repeat(10_000) + key));
        }
        assertThat(cache.size()).isBetween(1, 5);
    }

    @Test
    void renderedOutputsCarryStrongValidatorsAndAGzipBody() throws Exception {
        Rendered rendered = output("<rss>same bytes, same tag</rss>");
        assertThat(rendered.etag())
                .matches("\"[A-Za-z0-9_-]{27}\"")
                .isEqualTo(output("<rss>same bytes, same tag</rss>").etag());
        assertThat(rendered.gzipEtag()).isNotEqualTo(rendered.etag()).endsWith("-gz\"");
        assertThat(output("<rss>other</rss>").etag()).isNotEqualTo(rendered.etag());
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(rendered.gzip()))) {
            assertThat(in.readAllBytes()).isEqualTo(rendered.body());
        }
        assertThat(rendered.lastModified()).isEqualTo(Instant.parse("2026-11-29T10:15:30Z"));
    }

    private static Rendered output(String text) {
        return Rendered.of(
                text.getBytes(StandardCharsets.UTF_8), "text/plain", Instant.parse("2026-11-29T10:15:30.123Z"));
    }
}
