package org.her2feeds.http;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.her2feeds.store.ArticleVersion;
import org.her2feeds.store.ArticlesChanged;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Rendered outputs by key (the URL that asked for them, see {@link RequestUrls#self}), valid for one version of the
 * archive.
 * A poll of an unchanged output is a map lookup: no query, no rendering, no compression. Entries are dropped
 * when the archive changes and, least recently used first, when there are too many or they hold too much
 * memory, so filter and {@code ?limit=} permutations cannot exhaust the heap.
 */
@Component
public class RenderCache {

    private final LongSupplier version;
    private final int maxEntries;
    private final long maxBytes;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong renders = new AtomicLong();

    @Autowired
    RenderCache(ArticleVersion version, RenderCacheProperties properties) {
        this(version::current, properties.cacheEntries(), properties.cacheSize().toBytes());
    }

    RenderCache(LongSupplier version, int maxEntries, long maxBytes) {
        this.version = version;
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /**
     * The output for the key, rendered now only if the archive changed since it was last rendered. The version
     * is read before rendering, so a change committed during a render makes the next request render again.
     */
    public Rendered get(String key, Supplier<Rendered> render) {
        long current = version.getAsLong();
        Entry entry = entries.get(key);
        if (entry != null && entry.version == current) {
            entry.lastUsed = System.nanoTime();
            return entry.rendered;
        }
        Rendered fresh = render.get();
        renders.incrementAndGet();
        Entry replaced = entries.put(key, new Entry(fresh, current, System.nanoTime()));
        bytes.addAndGet(fresh.size() - (replaced == null ? 0 : replaced.rendered.size()));
        evictBeyondBudget();
        return fresh;
    }

    /** The output for the key if it is current; null when it must be rendered (by the controller that owns it). */
    public Rendered peek(String key) {
        Entry entry = entries.get(key);
        if (entry != null && entry.version == version.getAsLong()) {
            entry.lastUsed = System.nanoTime();
            return entry.rendered;
        }
        return null;
    }

    @EventListener
    public void onArticlesChanged(ArticlesChanged event) {
        clear();
    }

    public void clear() {
        entries.keySet().forEach(this::remove);
    }

    /** How many times an output was rendered since start-up: what a poll of an unchanged output must not add to. */
    public long renders() {
        return renders.get();
    }

    public int size() {
        return entries.size();
    }

    private synchronized void evictBeyondBudget() {
        while (entries.size() > maxEntries || (bytes.get() > maxBytes && entries.size() > 1)) {
            entries.entrySet().stream()
                    .min(Comparator.comparingLong(e -> e.getValue().lastUsed))
                    .ifPresent(oldest -> remove(oldest.getKey()));
        }
    }

    private void remove(String key) {
        Entry removed = entries.remove(key);
        if (removed != null) {
            bytes.addAndGet(-removed.rendered.size());
        }
    }

    private static final class Entry {
        final Rendered rendered;
        final long version;
        volatile long lastUsed;

        Entry(Rendered rendered, long version, long lastUsed) {
            this.rendered = rendered;
            this.version = version;
            this.lastUsed = lastUsed;
        }
    }
}
