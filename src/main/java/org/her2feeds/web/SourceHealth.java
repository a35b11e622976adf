package org.her2feeds.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.her2feeds.sources.Source;
import org.her2feeds.sources.SourceCatalog;
import org.her2feeds.store.SourceState;
import org.her2feeds.store.SourceStates;
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
        Map<String, SourceState> byId = states.all().stream().collect(Collectors.toMap(SourceState::sourceId, Function.identity()));
        return catalog.all().stream().map(source -> row(source, byId.get(source.id()))).toList();
    }

    private SourceHealthRow row(Source source, SourceState state) {
        String kind = source.kindSlug() == null ? "unspecified" : source.kindSlug();
        if (state == null) {
            return new SourceHealthRow(source.id(), source.title(), kind, source.enabled() ? "Not fetched yet" : "Paused", false,
                    null, null, 0, null);
        }
        boolean failing = state.consecutiveFailures() > 0;
        boolean stopped = state.disabledReason() != null;
        String status = stopped ? "Stopped: " + state.disabledReason()
                : !source.enabled() ? "Paused"
                : failing ? "Failing"
                : state.lastSuccessAt() == null ? "Not fetched yet" : "OK";
        return new SourceHealthRow(source.id(), source.title(), kind, status, failing || stopped, times.time(state.lastSuccessAt()),
                failing || stopped ? error(state) : null, state.consecutiveFailures(),
                source.enabled() && !stopped ? times.time(state.nextFetchAt()) : null);
    }

    private static String error(SourceState state) {
        String message = state.lastError() == null ? "" : state.lastError();
        if (state.lastStatus() != null && state.lastStatus() >= 400 && !message.contains(String.valueOf(state.lastStatus()))) {
            return ("HTTP " + state.lastStatus() + " " + message).strip();
        }
        return message.isEmpty() ? null : message;
    }
}
