package org.her2feeds.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An operator pauses a source while a fetch of it is being recorded: both changes must survive, whichever order
 * the two writers read in. Before the row was held from read to write, the fetch's record (read before the pause)
 * overwrote the pause, and the source went on being fetched although the API had said "paused".
 */
class SourceStateRaceTest {

    private static final Instant STARTED = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant DONE = Instant.parse("2026-12-01T10:00:02Z");

    @RegisterExtension
    final H2FileStore db = new H2FileStore();

    @Test
    void aPauseMadeWhileAFetchIsRecordedIsKeptAndSoIsTheFetch() throws Exception {
        SourceStates states =
                new SourceStates(db.jdbc, new TransactionTemplate(new DataSourceTransactionManager(db.pool)));
        states.save(SourceState.initial("news"));
        SourceState fetched =
                SourceState.initial("news").afterSuccess(STARTED, DONE, 200, "\"v2\"", null, DONE.plusSeconds(3600));

        CountDownLatch fetchHasRead = new CountDownLatch(1);
        CountDownLatch letFetchWrite = new CountDownLatch(1);
        CompletableFuture<SourceState> fetch = CompletableFuture.supplyAsync(() -> states.change("news", latest -> {
            fetchHasRead.countDown();
            await(letFetchWrite);
            return fetched.keepingPauseFrom(latest);
        }));
        assertThat(fetchHasRead.await(30, TimeUnit.SECONDS)).isTrue();

        Thread operator = new Thread(() -> states.change("news", SourceState::paused), "operator");
        operator.start();
        // The operator either waits for the fetch's row (held) or, were it not held, finishes at once.
        while (!EnumSet.of(Thread.State.WAITING, Thread.State.TIMED_WAITING, Thread.State.TERMINATED)
                .contains(operator.getState())) {
            Thread.onSpinWait();
        }
        letFetchWrite.countDown();
        fetch.get(30, TimeUnit.SECONDS);
        operator.join(30_000);

        SourceState stored = states.find("news").orElseThrow();
        assertThat(stored.stop()).as("the operator's pause").isNotNull();
        assertThat(stored.disabledReason()).isEqualTo(SourceState.Stop.PAUSED_BY_OPERATOR);
        assertThat(stored.etag()).as("the fetch's record").isEqualTo("\"v2\"");
        assertThat(stored.lastSuccessAt()).isEqualTo(DONE);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
