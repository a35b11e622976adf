package org.her2feeds.ingest;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.her2feeds.DaemonThreads;
import org.her2feeds.store.ArticleStore;
import org.her2feeds.store.DigestZoneProperties;
import org.her2feeds.store.StoreMeta;
import org.her2feeds.tagging.Tagger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps stored articles in line with the current topic rules and digest zone: when either changed since the
 * archive was last evaluated, every article is evaluated again after start-up, so feeds and digests follow the
 * rules in {@code topics.yml}. At start-up this runs on a background thread: with a large archive it takes minutes to
 * hours, and fetching and serving must not wait for it (articles fetched meanwhile are tagged with the new rules
 * already, and a page is written only over the version it read). A start interrupted midway does it again at the next
 * start, since the new rules are recorded only once every article has been evaluated.
 */
@Component
@Order(0)
public class ArchiveReevaluation implements ApplicationRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ArchiveReevaluation.class);
    static final String RULES = "rules_fingerprint";
    static final String ZONE = "digest_zone";

    private final ArticleStore store;
    private final StoreMeta meta;
    private final Tagger tagger;
    private final String zone;
    private final ExecutorService thread =
            Executors.newSingleThreadExecutor(DaemonThreads.named("archive-reevaluation"));
    private final CompletableFuture<Integer> startup = new CompletableFuture<>();

    public ArchiveReevaluation(ArticleStore store, StoreMeta meta, Tagger tagger, DigestZoneProperties digest) {
        this.store = store;
        this.meta = meta;
        this.tagger = tagger;
        this.zone = digest.zone().getId();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!rulesChanged()) {
            startup.complete(0);
            return;
        }
        thread.execute(() -> {
            try {
                startup.complete(reevaluateIfRulesChanged());
            } catch (RuntimeException e) {
                log.warn("Re-evaluating the archive stopped; the next start does it again", e);
                startup.completeExceptionally(e);
            }
        });
    }

    /** How many articles the start-up's re-evaluation changed (0 when the rules had not changed), once it is over. */
    CompletableFuture<Integer> startupDone() {
        return startup;
    }

    /** @return how many articles changed */
    public synchronized int reevaluateIfRulesChanged() {
        return rulesChanged() ? reevaluate() : 0;
    }

    private boolean rulesChanged() {
        return !tagger.rulesFingerprint().equals(meta.text(RULES).orElse(null))
                || !zone.equals(meta.text(ZONE).orElse(null));
    }

    /** Evaluates every stored article again with the current rules. */
    public synchronized int reevaluate() {
        long started = System.nanoTime();
        // The rules in force when it began are the ones recorded: an operator's reload while it runs changes the
        // rules for the pages after it, and the reload's own re-evaluation must then find the record outdated.
        String fingerprint = tagger.rulesFingerprint();
        int changed = store.reevaluateAll(tagger::tag);
        meta.setText(RULES, fingerprint);
        meta.setText(ZONE, zone);
        log.info(
                "Re-evaluated the archive with the current topic rules and digest zone {}: {} articles changed in {} "
                        + "ms",
                zone,
                changed,
                (System.nanoTime() - started) / 1_000_000);
        return changed;
    }

    @Override
    public void destroy() {
        thread.shutdownNow();
    }
}
