package org.her2feeds.sources;

import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * The configured sources. Read once at start-up, so a bad file stops the service before it serves anything,
 * and again on an operator's reload (a bad file then keeps the current list and reports the problem).
 */
@Component
public class SourceCatalog {

    private final SourcesProperties properties;
    private final SourcesFileReader reader;
    /**
     * The list and what every response derives from it, replaced together on a reload.
     *
     * @param byId each source by id: a digest looks up the source of each of its articles, and a scan of the list
     *             for each compared every source's id (100,000 of them at issue 12's scale)
     */
    private record Snapshot(List<Source> all, Map<String, Source> byId, Duration shortestInterval) {
        static Snapshot of(List<Source> all) {
            Duration shortest = all.stream()
                    .filter(Source::enabled)
                    .map(Source::interval)
                    .min(Duration::compareTo)
                    .orElse(Source.DEFAULT_INTERVAL);
            Map<String, Source> byId = new HashMap<>();
            // The first of a repeated id, as the scan of the list found it.
            all.forEach(source -> byId.putIfAbsent(source.id(), source));
            return new Snapshot(all, Collections.unmodifiableMap(byId), shortest);
        }
    }

    private final AtomicReference<Snapshot> sources = new AtomicReference<>();

    public SourceCatalog(SourcesProperties properties) {
        this.properties = properties;
        this.reader = new SourcesFileReader(properties.minimumHttpInterval());
        sources.set(Snapshot.of(reader.read(properties.sourcesFile())));
    }

    public List<Source> all() {
        return sources.get().all();
    }

    public List<Source> enabled() {
        return all().stream().filter(Source::enabled).toList();
    }

    public Optional<Source> find(String id) {
        return Optional.ofNullable(sources.get().byId().get(id));
    }

    /**
     * The shortest interval among enabled sources: how stale a published output can be at most. Computed when the
     * list is read, not per call: every poll of an output sends it.
     */
    public Duration shortestInterval() {
        return sources.get().shortestInterval();
    }

    /** Re-reads the file; throws {@link SourcesFileException} and keeps the current list when it is invalid. */
    public List<Source> reload() {
        List<Source> fresh = reader.read(properties.sourcesFile());
        sources.set(Snapshot.of(fresh));
        return fresh;
    }
}
