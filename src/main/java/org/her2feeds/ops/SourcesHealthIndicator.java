package org.her2feeds.ops;

import org.her2feeds.ingest.IngestService;
import org.her2feeds.store.SourceStates;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** The {@code sources} component of /actuator/health; see {@link SourcesHealth}. */
@Component("sources")
class SourcesHealthIndicator implements HealthIndicator {

    private final IngestService ingest;
    private final SourceStates states;
    private final OpsProperties properties;

    SourcesHealthIndicator(IngestService ingest, SourceStates states, OpsProperties properties) {
        this.ingest = ingest;
        this.states = states;
        this.properties = properties;
    }

    @Override
    public Health health() {
        return SourcesHealth.assess(ingest.activeSources(), states.byId(), properties.failingShareWarning());
    }
}
