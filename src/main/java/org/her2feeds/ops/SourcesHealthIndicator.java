package org.her2feeds.ops;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.her2feeds.ingest.IngestService;
import org.her2feeds.store.SourceState;
import org.her2feeds.store.SourceStates;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** The {@code sources} component of /actuator/health; see {@link SourcesHealth}. */
@Component("sources")
public class SourcesHealthIndicator implements HealthIndicator {

    private final IngestService ingest;
    private final SourceStates states;
    private final OpsProperties properties;

    public SourcesHealthIndicator(IngestService ingest, SourceStates states, OpsProperties properties) {
        this.ingest = ingest;
        this.states = states;
        this.properties = properties;
    }

    @Override
    public Health health() {
        Map<String, SourceState> byId = states.all().stream().collect(Collectors.toMap(SourceState::sourceId, Function.identity()));
        return SourcesHealth.assess(ingest.activeSources(), byId, properties.failingShareWarning());
    }
}
