package org.her2feeds.store;

import java.time.Instant;
import org.her2feeds.sources.Source;

/**
 * Whether a configured source is fetched, and if not why. Decided in one place, {@link #of}, from the source's
 * configuration and its stored state; the ingest, the schedule, the API, the page and the health all ask it.
 * Stored stops win over the sources file, so a paused or gone source says so even when it is also disabled there.
 */
public sealed interface SourceStatus {

    /** What the ingest's "not fetched" answer and the page say of a source disabled in the sources file. */
    String DISABLED_IN_FILE = "disabled in the sources file";

    /**
     * Fetched on its schedule. Its last fetches, as data: failures in a row (0 after a success or before the first
     * fetch), the last error, and when the next attempt is planned (null before the first fetch has planned one).
     */
    record Active(
            int consecutiveFailures, Integer lastStatus, String lastError, Instant nextAttemptAt, boolean everSucceeded)
            implements SourceStatus {

        public boolean failing() {
            return consecutiveFailures > 0;
        }
    }

    /** Paused by an operator until resumed. */
    record Paused(SourceState.Stop stop) implements SourceStatus {}

    /** Retired after a 410 Gone, until the operator gives it a new URL or resumes it. */
    record Gone(SourceState.Stop stop) implements SourceStatus {}

    /** {@code enabled: false} in the sources file. */
    record Disabled() implements SourceStatus {}

    /**
     * The one decision. {@code recorded} may be null (never fetched nor paused) or written for an older URL of the
     * source: it is read as {@link SourceState#urlChangedByOperator} makes it for the URL configured now.
     */
    static SourceStatus of(Source source, SourceState recorded) {
        SourceState state = current(source, recorded);
        if (state.stop() != null) {
            return switch (state.stop().kind()) {
                case GONE -> new Gone(state.stop());
                case PAUSED -> new Paused(state.stop());
            };
        }
        if (!source.enabled()) {
            return new Disabled();
        }
        return new Active(
                state.consecutiveFailures(),
                state.lastStatus(),
                state.lastError(),
                state.nextFetchAt(),
                state.lastSuccessAt() != null);
    }

    /** The state a fetch of the source starts from: the recorded one, made current for the configured URL. */
    static SourceState current(Source source, SourceState recorded) {
        return (recorded != null ? recorded : SourceState.initial(source.id()))
                .urlChangedByOperator(source.url().toString());
    }

    default boolean isActive() {
        return this instanceof Active;
    }

    /**
     * Why the service stopped fetching a listed source (gone, paused), null otherwise: the API's {@code
     * disabledReason}.
     */
    default String stopReason() {
        if (this instanceof Paused paused) {
            return paused.stop().text();
        }
        return this instanceof Gone gone ? gone.stop().text() : null;
    }

    /** Why the source is not fetched, whoever decided it; null when it is fetched. */
    default String notFetchedBecause() {
        return this instanceof Disabled ? DISABLED_IN_FILE : stopReason();
    }
}
