package org.her2feeds.sources;

import java.time.Duration;
import java.util.List;
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
    /** The list and what every response derives from it, replaced together on a reload. */
    private record Snapshot(List<Source> all, Duration shortestInterval) {
        static Snapshot of(List<Source> all) {
            Duration shortest = all.stream()
                    .filter(Source::enabled)
                    .map(Source::interval)
                    .min(Duration::compareTo)
                    .orElse(Source.DEFAULT_INTERVAL);
            return new Snapshot(all, shortest);
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
        return all().stream().filter(source -> source.id().equals(id)).findFirst();
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
