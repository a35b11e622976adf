package org.her2feeds.ops;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.her2feeds.schedule.SourceScheduler;
import org.her2feeds.sources.Source;
import org.her2feeds.sources.SourceCatalog;
import org.her2feeds.store.SourceState;
import org.her2feeds.store.SourceStates;
import org.quartz.SchedulerException;
import org.springframework.stereotype.Service;

/** Joins the configured sources with their recorded state, in the order of the sources file. */
@Service
public class SourceStatusService {

    private final SourceCatalog catalog;
    private final SourceStates states;
    private final SourceScheduler scheduler;

    public SourceStatusService(SourceCatalog catalog, SourceStates states, SourceScheduler scheduler) {
        this.catalog = catalog;
        this.states = states;
        this.scheduler = scheduler;
    }

    public List<SourceStatus> all() {
        Map<String, SourceState> byId = states.all().stream()
                .collect(Collectors.toMap(SourceState::sourceId, Function.identity()));
        return catalog.all().stream().map(source -> status(source, byId.get(source.id()))).toList();
    }

    public Optional<SourceStatus> find(String id) {
        return catalog.find(id).map(source -> status(source, states.find(id).orElse(null)));
    }

    private SourceStatus status(Source source, SourceState recorded) {
        SourceState state = recorded != null ? recorded : SourceState.initial(source.id());
        // A state written for another configured URL is stale: the operator has edited the sources file since.
        boolean current = state.configuredUrl() != null && state.configuredUrl().equals(source.url().toString());
        String url = current && state.currentUrl() != null ? state.currentUrl() : source.url().toString();
        boolean active = source.enabled() && state.disabledReason() == null;
        Instant next = !active ? null : state.nextFetchAt() != null ? state.nextFetchAt() : scheduledRun(source.id());
        return new SourceStatus(source.id(), source.title(), url, source.kindSlug(), source.interval().toString(), active,
                utc(state.lastAttemptAt()), utc(state.lastSuccessAt()), state.lastStatus(), state.lastError(),
                state.consecutiveFailures(), utc(next), state.disabledReason());
    }

    /** A source not fetched yet has no recorded plan; its first run is on the schedule. */
    private Instant scheduledRun(String sourceId) {
        try {
            return scheduler.nextRun(sourceId);
        } catch (SchedulerException e) {
            return null;
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
