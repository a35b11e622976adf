package org.her2feeds.store;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.her2feeds.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Takes stored articles into the search index shortly after they were committed, on a thread of its own, gathering
 * the changes of a moment into one catch-up: storing a feed then never waits for an index commit (a fifth of the
 * time of storing a feed went to them, one per feed), and a burst of fetches costs one commit per moment instead of
 * one per feed. Nothing is missed meanwhile: a search first takes in whatever is still noted
 * ({@link SearchEngine#catchUp()}).
 */
@Component
class SearchIndexUpdates {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexUpdates.class);
    /** Long enough to gather the feeds of a burst, short enough that the next search finds little left to do. */
    private static final Duration GATHERING = Duration.ofMillis(500);

    private static final Duration FINISH_PATIENCE = Duration.ofSeconds(10);

    private final SearchEngine engine;
    private final AtomicBoolean planned = new AtomicBoolean();
    private final ScheduledExecutorService thread =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("search-index"));

    SearchIndexUpdates(SearchEngine engine) {
        this.engine = engine;
    }

    @EventListener
    void onArticlesChanged(ArticlesChanged event) {
        if (planned.compareAndSet(false, true)) {
            try {
                thread.schedule(this::catchUp, GATHERING.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException shuttingDown) {
                // A fetch finishing during shutdown: its notes stay and the next start takes them in. The fetch
                // itself must not fail for it (it still records its outcome).
                log.debug("search index catch-up left to the next start: shutting down");
            }
        }
    }

    private void catchUp() {
        // Cleared before the catch-up reads the notes: a change committed while it runs plans the next one.
        planned.set(false);
        try {
            engine.catchUp();
        } catch (RuntimeException e) {
            // The notes stay; the next search or change takes them in. The write itself has succeeded.
            log.warn("Could not update the search index now: {}", e.getMessage());
        }
    }

    /**
     * Lets the planned catch-up run and commit before the index and the database close: an index write is never
     * cut off midway (its notes would stay, but a half-written commit costs the next start a repair).
     */
    @PreDestroy
    void finish() {
        thread.shutdown();
        try {
            thread.awaitTermination(FINISH_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
