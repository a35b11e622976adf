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
    private final AtomicReference<List<Source>> sources = new AtomicReference<>();

    public SourceCatalog(SourcesProperties properties) {
        this.properties = properties;
        this.reader = new SourcesFileReader(properties.minimumHttpInterval());
        sources.set(reader.read(properties.sourcesFile()));
    }

    public List<Source> all() {
        return sources.get();
    }

    public List<Source> enabled() {
        return all().stream().filter(Source::enabled).toList();
    }

    public Optional<Source> find(String id) {
        return all().stream().filter(source -> source.id().equals(id)).findFirst();
    }

    /** The shortest interval among enabled sources: how stale a published output can be at most. */
    public Duration shortestInterval() {
        return enabled().stream().map(Source::interval).min(Duration::compareTo).orElse(Source.DEFAULT_INTERVAL);
    }

    /** Re-reads the file; throws {@link SourcesFileException} and keeps the current list when it is invalid. */
    public List<Source> reload() {
        List<Source> fresh = reader.read(properties.sourcesFile());
        sources.set(fresh);
        return fresh;
    }
}
