package org.her2feeds.ops;

import java.util.List;
import java.util.Map;
import org.her2feeds.sources.Source;
import org.her2feeds.store.SourceState;
import org.her2feeds.store.SourceStatus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * How the sources are doing, from their last fetches: DOWN when every active source is failing (the archive
 * stops growing), WARNING when more than the configured share is, UP otherwise. A source is failing when its
 * last fetch failed ({@link SourceStatus.Active#failing()}); one never fetched yet is not.
 */
final class SourcesHealth {

    /** Serves HTTP 200 (management.endpoint.health.status.http-mapping): feeds are still served from the archive. */
    static final Status WARNING = new Status("WARNING", "more sources are failing than the configured share");

    private static final int LISTED = 20;

    private SourcesHealth() {}

    static Health assess(List<Source> active, Map<String, SourceState> states, double failingShareWarning) {
        List<String> failing = active.stream()
                .filter(source -> SourceStatus.of(source, states.get(source.id())) instanceof SourceStatus.Active status
                        && status.failing())
                .map(Source::id)
                .sorted()
                .toList();
        Health.Builder health;
        if (!active.isEmpty() && failing.size() == active.size()) {
            health = Health.down();
        } else if (!active.isEmpty() && (double) failing.size() / active.size() > failingShareWarning) {
            health = Health.status(WARNING);
        } else {
            health = Health.up();
        }
        return health.withDetail("active", active.size())
                .withDetail("failing", failing.size())
                .withDetail("failingShareWarning", failingShareWarning)
                .withDetail(
                        "failingSources",
                        failing.stream()
                                .limit(LISTED)
                                .map(id -> Map.<String, Object>of(
                                        "id",
                                        id,
                                        "consecutiveFailures",
                                        states.get(id).consecutiveFailures(),
                                        "lastError",
                                        String.valueOf(states.get(id).lastError())))
                                .toList())
                .build();
    }
}
