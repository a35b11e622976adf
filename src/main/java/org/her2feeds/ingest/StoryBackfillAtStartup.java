package org.her2feeds.ingest;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.her2feeds.DaemonThreads;
import org.her2feeds.store.ArticleStore;
import org.her2feeds.store.StoreMeta;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Groups into stories an archive stored before stories existed, once, after the start-up's re-evaluation of the
 * archive ({@link ArchiveReevaluation}) is over: on a
 * background thread, a page per transaction, so the service serves (and fetches) meanwhile however large the
 * archive is. Articles stored from then on are grouped as they are stored. A start interrupted midway takes up
 * what is left at the next start; once done, the archive remembers it and later starts do nothing.
 */
@Component
@Order(1)
class StoryBackfillAtStartup implements ApplicationRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StoryBackfillAtStartup.class);
    static final String DONE = "stories_backfilled";

    private final ArticleStore store;
    private final StoreMeta meta;
    private final ArchiveReevaluation reevaluation;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(DaemonThreads.named("story-backfill"));
    private final CompletableFuture<Integer> done = new CompletableFuture<>();

    StoryBackfillAtStartup(ArticleStore store, StoreMeta meta, ArchiveReevaluation reevaluation) {
        this.store = store;
        this.meta = meta;
        this.reevaluation = reevaluation;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (meta.text(DONE).isPresent()) {
            done.complete(0);
            return;
        }
        // Stories are read from the articles' tagging: group them once the start-up's re-evaluation is over, whether
        // it finished or stopped (then with the tagging they have).
        reevaluation.startupDone().whenComplete((changed, failure) -> {
            try {
                thread.execute(this::backfill);
            } catch (RejectedExecutionException shuttingDown) {
                done.cancel(false);
            }
        });
    }

    private void backfill() {
        try {
            long started = System.nanoTime();
            int grouped = store.groupArticlesWithoutStory();
            meta.setText(DONE, "true");
            log.info(
                    "Grouped the archive into stories: {} articles in {} ms",
                    grouped,
                    (System.nanoTime() - started) / 1_000_000);
            done.complete(grouped);
        } catch (RuntimeException e) {
            log.warn("Grouping the archive into stories stopped; the next start takes it up again", e);
            done.completeExceptionally(e);
        }
    }

    /** How many articles the start-up's grouping placed (0 when there was nothing to do), once it is over. */
    CompletableFuture<Integer> done() {
        return done;
    }

    @Override
    public void destroy() {
        thread.shutdownNow();
    }
}
