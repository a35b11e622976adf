package org.her2feeds.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.her2feeds.sources.Source;
import org.junit.jupiter.api.Test;

/** The source state's transitions and the one status decision, without Spring or a database. */
class SourceStateTransitionsTest {

    private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");
    private static final Instant T1 = T0.plusSeconds(2);
    private static final String URL = "https://feeds.example/a";
    private static final Source SOURCE = source(URL, true);

    private final SourceState fetched = SourceState.initial("a")
            .urlChangedByOperator(URL)
            .afterSuccess(T0, T1, 200, "\"v1\"", "Sun, 29 Nov 2026 11:00:00 GMT", T1.plusSeconds(1800));

    @Test
    void aNeverFetchedSourceIsActiveWithNothingToReport() {
        SourceStatus status = SourceStatus.of(SOURCE, null);
        assertThat(status).isEqualTo(new SourceStatus.Active(0, null, null, null, false));
        assertThat(status.stopReason()).isNull();
        assertThat(SourceStatus.current(SOURCE, null).currentUrl()).isEqualTo(URL);
    }

    @Test
    void aSuccessKeepsTheValidatorsAndClearsTheFailures() {
        SourceState failed = fetched.afterFailure(T1, 500, "HttpStatus: HTTP 500", T1.plusSeconds(60))
                .afterFailure(T1, 503, "HttpStatus: HTTP 503", T1.plusSeconds(120));
        assertThat(failed.consecutiveFailures()).isEqualTo(2);
        assertThat(failed.etag()).isEqualTo("\"v1\"");
        assertThat(failed.lastSuccessAt()).isEqualTo(T1);
        assertThat(SourceStatus.of(SOURCE, failed))
                .isEqualTo(new SourceStatus.Active(2, 503, "HttpStatus: HTTP 503", T1.plusSeconds(120), true));

        SourceState recovered = failed.afterSuccess(T1, T1, 304, "\"v2\"", null, T1.plusSeconds(1800));
        assertThat(recovered.consecutiveFailures()).isZero();
        assertThat(recovered.lastError()).isNull();
        assertThat(recovered.etag()).isEqualTo("\"v2\"");
        assertThat(((SourceStatus.Active) SourceStatus.of(SOURCE, recovered)).failing())
                .isFalse();
    }

    @Test
    void aPermanentRedirectIsAdoptedOnlyAfterItsStreakAndForgetsTheOldValidators() {
        URI target = URI.create("https://feeds.example/b");
        SourceState once = fetched.afterRedirect(target, 3);
        assertThat(once.currentUrl()).isEqualTo(URL);
        assertThat(once.redirectStreak()).isEqualTo(1);
        assertThat(once.afterRedirect(null, 3).redirectStreak())
                .as("a fetch without it ends the streak")
                .isZero();
        assertThat(once.afterRedirect(URI.create("https://feeds.example/c"), 3).redirectStreak())
                .isEqualTo(1);

        SourceState adopted = once.afterRedirect(target, 3).afterRedirect(target, 3);
        assertThat(adopted.currentUrl()).isEqualTo(target.toString());
        assertThat(adopted.redirectTarget()).isNull();
        assertThat(adopted.redirectStreak()).isZero();
        assertThat(adopted.etag()).isNull();
        assertThat(adopted.lastModified()).isNull();
        assertThat(adopted.configuredUrl()).isEqualTo(URL);
    }

    @Test
    void goneRetiresTheSourceUntilTheOperatorGivesItANewUrl() {
        SourceState gone = fetched.afterGone(T1, T1, 410, "HttpStatus: HTTP 410 Gone");
        assertThat(gone.nextFetchAt()).isNull();
        assertThat(gone.consecutiveFailures()).isEqualTo(1);
        assertThat(gone.stop().kind()).isEqualTo(SourceState.Stop.Kind.GONE);
        assertThat(gone.disabledReason()).isEqualTo("gone: the server answered 410 Gone at " + T1);
        SourceStatus status = SourceStatus.of(SOURCE, gone);
        assertThat(status).isInstanceOf(SourceStatus.Gone.class);
        assertThat(status.isActive()).isFalse();
        assertThat(status.notFetchedBecause()).startsWith("gone: ");

        Source moved = source("https://feeds.example/new", true);
        assertThat(SourceStatus.of(moved, gone).isActive()).isTrue();
        SourceState current = SourceStatus.current(moved, gone);
        assertThat(current.stop()).isNull();
        assertThat(current.currentUrl()).isEqualTo("https://feeds.example/new");
        assertThat(current.etag()).isNull();
        assertThat(gone.resumed().stop()).isNull();
    }

    @Test
    void aPauseOutlivesANewUrlAndAFetchThatRanMeanwhile() {
        SourceState paused = fetched.paused();
        assertThat(paused.disabledReason()).isEqualTo("paused by operator");
        assertThat(paused.nextFetchAt()).as("kept for the resume").isEqualTo(fetched.nextFetchAt());
        assertThat(SourceStatus.of(SOURCE, paused)).isInstanceOf(SourceStatus.Paused.class);
        assertThat(SourceStatus.of(source("https://feeds.example/new", true), paused))
                .isInstanceOf(SourceStatus.Paused.class);

        SourceState fetchRecord = fetched.afterSuccess(T1, T1, 200, null, null, T1.plusSeconds(1800))
                .keepingPauseFrom(paused);
        assertThat(fetchRecord.stop()).isEqualTo(paused.stop());
        assertThat(fetchRecord.nextFetchAt()).isNull();
        assertThat(fetched.keepingPauseFrom(fetched)).isSameAs(fetched);
        SourceState goneRecord = fetched.afterGone(T1, T1, 410, "gone").keepingPauseFrom(paused);
        assertThat(goneRecord.stop().kind()).as("the 410 this fetch met stays").isEqualTo(SourceState.Stop.Kind.GONE);

        assertThat(paused.resumed().stop()).isNull();
        assertThat(SourceStatus.of(SOURCE, paused.resumed()).isActive()).isTrue();
    }

    @Test
    void storedStopsWinOverTheSourcesFileAndADisabledSourceSaysSo() {
        Source disabled = source(URL, false);
        assertThat(SourceStatus.of(disabled, fetched)).isEqualTo(new SourceStatus.Disabled());
        assertThat(SourceStatus.of(disabled, fetched).notFetchedBecause()).isEqualTo("disabled in the sources file");
        assertThat(SourceStatus.of(disabled, fetched).stopReason()).isNull();
        assertThat(SourceStatus.of(disabled, fetched.paused())).isInstanceOf(SourceStatus.Paused.class);
    }

    @Test
    void anEditedUrlForgetsWhatWasLearntAboutTheOldOne() {
        SourceState pending = fetched.afterRedirect(URI.create("https://feeds.example/b"), 3);
        SourceState edited = pending.urlChangedByOperator("https://feeds.example/edited");
        assertThat(edited.configuredUrl()).isEqualTo("https://feeds.example/edited");
        assertThat(edited.currentUrl()).isEqualTo("https://feeds.example/edited");
        assertThat(edited.etag()).isNull();
        assertThat(edited.redirectTarget()).isNull();
        assertThat(edited.lastSuccessAt()).isEqualTo(T1);
        assertThat(edited.nextFetchAt()).isEqualTo(fetched.nextFetchAt());
        assertThat(fetched.urlChangedByOperator(URL)).isSameAs(fetched);
    }

    private static Source source(String url, boolean enabled) {
        return new Source("a", "A", URI.create(url), Duration.ofMinutes(30), enabled, null);
    }
}
