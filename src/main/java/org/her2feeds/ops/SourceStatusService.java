package org.her2feeds.ops;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.her2feeds.http.NotFoundException;
import org.her2feeds.schedule.SourceScheduler;
import org.her2feeds.sources.PublicUrl;
import org.her2feeds.sources.Source;
import org.her2feeds.sources.SourceCatalog;
import org.her2feeds.store.PublicError;
import org.her2feeds.store.SourceState;
import org.her2feeds.store.SourceStates;
import org.her2feeds.store.SourceStatus;
import org.quartz.SchedulerException;
import org.springframework.stereotype.Service;

/** Joins the configured sources with their recorded state, in the order of the sources file. */
@Service
class SourceStatusService {

    private final SourceCatalog catalog;
    private final SourceStates states;
    private final SourceScheduler scheduler;

    SourceStatusService(SourceCatalog catalog, SourceStates states, SourceScheduler scheduler) {
        this.catalog = catalog;
        this.states = states;
        this.scheduler = scheduler;
    }

    /** Who reads a report: the public sees masked URLs and short errors, the admin everything. */
    enum Audience {
        PUBLIC,
        ADMIN
    }

    List<SourceReport> all(Audience audience) {
        return states.standings(catalog.all()).stream()
                .map(standing -> report(standing, audience))
                .toList();
    }

    /** @throws NotFoundException when the sources file has no source with this id */
    SourceReport get(String id, Audience audience) {
        return catalog.find(id)
                .map(states::standing)
                .map(standing -> report(standing, audience))
                .orElseThrow(() -> new NotFoundException("no source with id '" + id + "' in the sources file"));
    }

    /** A state written for another configured URL is read as it is for the URL configured now. */
    private SourceReport report(SourceStates.Standing standing, Audience audience) {
        Source source = standing.source();
        SourceState state = standing.state();
        SourceStatus status = standing.status();
        Instant next = status instanceof SourceStatus.Active active
                ? (active.nextAttemptAt() != null ? active.nextAttemptAt() : scheduledRun(source.id()))
                : null;
        String url =
                state.currentUrl() != null ? state.currentUrl() : source.url().toString();
        boolean admin = audience == Audience.ADMIN;
        return new SourceReport(
                source.id(),
                source.title(),
                admin ? url : PublicUrl.of(url),
                source.kindSlug(),
                source.interval().toString(),
                status.isActive(),
                utc(state.lastAttemptAt()),
                utc(state.lastSuccessAt()),
                state.lastStatus(),
                admin ? state.lastError() : PublicError.of(state.lastError(), state.lastStatus()),
                state.consecutiveFailures(),
                utc(next),
                status.stopReason());
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
