package org.her2feeds.store;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * What the service remembers about one source between fetches. Every change is one of the named transitions
 * below, each a pure function from one state to the next; whether the source is fetched at all is decided from
 * a state by {@link SourceStatus#of}.
 *
 * @param configuredUrl  the URL in sources.yml when this state was written
 * @param currentUrl     the URL fetched now: the configured one, or where a lasting permanent redirect led
 * @param stop           why the source is not fetched although it is listed (410 Gone, paused); null when not stopped
 * @param redirectTarget a permanent redirect seen on the last fetches, not yet adopted
 * @param redirectStreak on how many consecutive fetches {@code redirectTarget} was seen
 */
public record SourceState(
        String sourceId,
        @Schema(nullable = true) String configuredUrl,
        @Schema(nullable = true) String currentUrl,
        @Schema(nullable = true) String etag,
        @Schema(nullable = true) String lastModified,
        @Schema(nullable = true) Instant lastAttemptAt,
        @Schema(nullable = true) Instant lastSuccessAt,
        @Schema(nullable = true) Integer lastStatus,
        @Schema(nullable = true) String lastError,
        int consecutiveFailures,
        @Schema(nullable = true) Instant nextFetchAt,
        @JsonIgnore Stop stop,
        @Schema(nullable = true) String redirectTarget,
        int redirectStreak) {

    /** Why a listed source is not fetched: stored as its kind and a sentence, never decided from the sentence. */
    public record Stop(Kind kind, String reason) {

        public enum Kind {
            /** The server answered 410 Gone; lifted when the operator gives the source a new URL, or resumes it. */
            GONE,
            /** An operator paused the source; lifted only when the operator resumes it. */
            PAUSED
        }

        public static final String PAUSED_BY_OPERATOR = "paused by operator";

        public Stop {
            Objects.requireNonNull(kind, "kind");
        }

        static Stop gone(Instant at) {
            return new Stop(Kind.GONE, "the server answered 410 Gone at " + at);
        }

        static Stop paused() {
            return new Stop(Kind.PAUSED, PAUSED_BY_OPERATOR);
        }

        /** The words the API, the page and the ingest's log use: {@code gone: …} or the pause's reason. */
        public String text() {
            return kind == Kind.GONE ? "gone: " + reason : reason;
        }
    }

    public static SourceState initial(String sourceId) {
        return new SourceState(sourceId, null, null, null, null, null, null, null, null, 0, null, null, null, 0);
    }

    /** The stop in words (see {@link Stop#text()}), null when the source is not stopped; what the admin API shows. */
    @JsonProperty("disabledReason")
    @Schema(nullable = true)
    public String disabledReason() {
        return stop == null ? null : stop.text();
    }

    /**
     * This state for the URL now in the sources file. An operator's edit of the URL resets what was learnt about
     * the old one (validators, an adopted or pending redirect) and lifts a 410 Gone, which was about the old URL;
     * a pause stays. The same state when the URL is unchanged.
     */
    public SourceState urlChangedByOperator(String configured) {
        if (configured.equals(configuredUrl)) {
            return this;
        }
        Stop kept = stop != null && stop.kind() == Stop.Kind.GONE ? null : stop;
        return at(configured, configured, null, null, null, 0).withStop(kept);
    }

    /**
     * After a fetch that did or did not meet a permanent redirect: the redirect is adopted (validators of the old
     * URL forgotten) once seen on {@code confirmations} consecutive fetches; a fetch without one ends the streak.
     */
    public SourceState afterRedirect(URI target, int confirmations) {
        if (target == null) {
            return withRedirect(currentUrl, null, 0);
        }
        int streak = Objects.equals(target.toString(), redirectTarget) ? redirectStreak + 1 : 1;
        return streak >= confirmations
                ? withRedirect(target.toString(), null, 0)
                : withRedirect(currentUrl, target.toString(), streak);
    }

    private SourceState withRedirect(String url, String target, int streak) {
        boolean moved = !Objects.equals(url, currentUrl);
        return at(configuredUrl, url, moved ? null : etag, moved ? null : lastModified, target, streak);
    }

    /** The same fetch history and plan at another location: its URLs, their validators and a pending redirect. */
    private SourceState at(
            String configured, String current, String newEtag, String newLastModified, String target, int streak) {
        return new SourceState(
                sourceId,
                configured,
                current,
                newEtag,
                newLastModified,
                lastAttemptAt,
                lastSuccessAt,
                lastStatus,
                lastError,
                consecutiveFailures,
                nextFetchAt,
                stop,
                target,
                streak);
    }

    /** A fetch started at {@code started} succeeded at {@code now} (200 or 304) with these validators. */
    public SourceState afterSuccess(
            Instant started, Instant now, Integer status, String newEtag, String newLastModified, Instant next) {
        return afterFetch(newEtag, newLastModified, started, now, status, null, 0, next);
    }

    /** A fetch started at {@code started} failed; the validators and the last success stay. */
    public SourceState afterFailure(Instant started, Integer status, String error, Instant next) {
        return afterFetch(etag, lastModified, started, lastSuccessAt, status, error, consecutiveFailures + 1, next);
    }

    /** The same location and stop with a fetch's record: validators, times, outcome and the next fetch planned. */
    private SourceState afterFetch(
            String validatorEtag,
            String validatorLastModified,
            Instant attempt,
            Instant success,
            Integer status,
            String error,
            int failures,
            Instant next) {
        return new SourceState(
                sourceId,
                configuredUrl,
                currentUrl,
                validatorEtag,
                validatorLastModified,
                attempt,
                success,
                status,
                error,
                failures,
                next,
                stop,
                redirectTarget,
                redirectStreak);
    }

    /** The server answered 410 Gone at {@code now}: a failure that retires the source until its URL changes. */
    public SourceState afterGone(Instant started, Instant now, Integer status, String error) {
        return afterFailure(started, status, error, null).withStop(Stop.gone(now));
    }

    /**
     * Paused by an operator: not fetched until resumed, across restarts and the whole cluster. The planned next
     * fetch is kept, so a resumed source picks up its old rhythm.
     */
    public SourceState paused() {
        return withStop(Stop.paused());
    }

    /**
     * Resumed by an operator: whatever stopped the source (a pause, or a 410 Gone the operator knows is over) is
     * lifted.
     */
    public SourceState resumed() {
        return withStop(null);
    }

    /**
     * This fetch's record, keeping a pause an operator made while the fetch ran ({@code latest} is the state as
     * stored now): the fetch must not undo it, nor plan a next fetch. A 410 Gone this fetch met stays as it is.
     */
    public SourceState keepingPauseFrom(SourceState latest) {
        if (stop != null
                || latest == null
                || latest.stop() == null
                || latest.stop().kind() != Stop.Kind.PAUSED) {
            return this;
        }
        return withNextFetchAndStop(null, latest.stop());
    }

    private SourceState withStop(Stop newStop) {
        return withNextFetchAndStop(nextFetchAt, newStop);
    }

    private SourceState withNextFetchAndStop(Instant next, Stop newStop) {
        return new SourceState(
                sourceId,
                configuredUrl,
                currentUrl,
                etag,
                lastModified,
                lastAttemptAt,
                lastSuccessAt,
                lastStatus,
                lastError,
                consecutiveFailures,
                next,
                newStop,
                redirectTarget,
                redirectStreak);
    }
}
