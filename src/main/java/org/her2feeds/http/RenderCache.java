package org.her2feeds.http;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.her2feeds.store.ArticleVersion;
import org.her2feeds.store.ArticlesChanged;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Rendered outputs by key (the output's public URL, see {@link RequestUrls#self}) and archive version, in a Caffeine
 * cache. A poll of an unchanged output is a lookup: no query, no rendering, no compression. The cache is bounded by
 * the bytes it holds ({@code her2.publish.cache-size}; each entry weighs at least its share of
 * {@code cache-entries}, which bounds their number too), emptied when the archive changes, and exported to
 * Micrometer as {@code cache.*{cache="render"}}. Many requests missing one key at once wait for a single render.
 */
@Component
public class RenderCache {

    /** An output of one archive version: a render started before a change is never served after it. */
    private record Key(String url, long version) {}

    private final LongSupplier version;
    private final AsyncCache<Key, Rendered> cache;
    private final AtomicLong renders = new AtomicLong();

    @Autowired
    RenderCache(ArticleVersion version, RenderCacheProperties properties, ObjectProvider<MeterRegistry> registry) {
        this(version::current, properties.cacheEntries(), properties.cacheSize().toBytes());
        // Absent only in test slices without metrics.
        registry.ifAvailable(this::bindTo);
    }

    RenderCache(LongSupplier version, int maxEntries, long maxBytes) {
        this.version = version;
        long floor = Math.max(1, maxBytes / maxEntries);
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key key, Rendered rendered) ->
                        (int) Math.min(Integer.MAX_VALUE, Math.max(floor, rendered.size())))
                // Upkeep on the calling thread: eviction is then done when a request returns, not some time later.
                .executor(Runnable::run)
                .recordStats()
                .buildAsync();
    }

    /** Hits, misses, loads, evictions and size as {@code cache.*{cache="render"}}. */
    void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, cache, "render");
    }

    /**
     * The output for the key, rendered now only if the archive changed since it was last rendered; concurrent
     * misses of one key render it once, on the first caller's thread, and the others wait for that render. The
     * version is read before rendering, so a change committed during a render makes the next request render again.
     */
    public Rendered get(String key, Supplier<Rendered> render) {
        CompletableFuture<Rendered> mine = new CompletableFuture<>();
        CompletableFuture<Rendered> result = cache.get(new Key(key, version.getAsLong()), (k, executor) -> mine);
        if (result == mine) {
            try {
                mine.complete(render.get());
                renders.incrementAndGet();
            } catch (RuntimeException | Error e) {
                // Failed futures leave the cache; the waiting requests fail with the same error.
                mine.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return result.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** The output for the key if it is current and rendered; null when it must be rendered (through {@link #get}). */
    public Rendered peek(String key) {
        CompletableFuture<Rendered> entry = cache.getIfPresent(new Key(key, version.getAsLong()));
        return entry != null && entry.isDone() && !entry.isCompletedExceptionally() ? entry.join() : null;
    }

    @EventListener
    public void onArticlesChanged(ArticlesChanged event) {
        clear();
    }

    public void clear() {
        cache.synchronous().invalidateAll();
    }

    /** How many times an output was rendered since start-up: what a poll of an unchanged output must not add to. */
    public long renders() {
        return renders.get();
    }

    public int size() {
        cache.synchronous().cleanUp();
        return (int) cache.synchronous().estimatedSize();
    }
}
