package org.her2feeds.web;

import java.util.List;
import org.her2feeds.sources.Source;
import org.her2feeds.sources.SourceCatalog;
import org.her2feeds.store.PublicError;
import org.her2feeds.store.SourceState;
import org.her2feeds.store.SourceStates;
import org.her2feeds.store.SourceStatus;
import org.springframework.stereotype.Component;

/** The configured sources beside what the last fetches recorded about them. */
@Component
class SourceHealth {

    private final SourceCatalog catalog;
    private final SourceStates states;
    private final PageTimes times;

    SourceHealth(SourceCatalog catalog, SourceStates states, PageTimes times) {
        this.catalog = catalog;
        this.states = states;
        this.times = times;
    }

    List<SourceHealthRow> rows() {
        return states.standings(catalog.all()).stream().map(this::row).toList();
    }

    /** The words for each {@link SourceStatus}: "OK", "Failing", "Not fetched yet", "Stopped: …", "Disabled". */
    private SourceHealthRow row(SourceStates.Standing standing) {
        Source source = standing.source();
        String kind = source.kindSlug() == null ? "unspecified" : source.kindSlug();
        SourceState state = standing.state();
        SourceStatus status = standing.status();
        boolean failing = state.consecutiveFailures() > 0;
        boolean stopped = status.stopReason() != null;
        String words;
        if (status instanceof SourceStatus.Active active) {
            words = active.failing() ? "Failing" : active.everSucceeded() ? "OK" : "Not fetched yet";
        } else {
            words = stopped ? "Stopped: " + status.stopReason() : "Disabled";
        }
        boolean attention = failing || stopped;
        return new SourceHealthRow(
                source.id(),
                source.title(),
                kind,
                words,
                attention,
                times.time(state.lastSuccessAt()),
                attention ? error(state) : null,
                state.consecutiveFailures(),
                status.isActive() ? times.time(state.nextFetchAt()) : null);
    }

    private static String error(SourceState state) {
        return PublicError.of(state.lastError(), state.lastStatus());
    }
}
