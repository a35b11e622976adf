package org.her2feeds.ingest;

import org.her2feeds.store.ArticleStore;
import org.her2feeds.store.DigestZoneProperties;
import org.her2feeds.store.StoreMeta;
import org.her2feeds.tagging.Tagger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps stored articles in line with the current topic rules and digest zone: when either changed since the
 * archive was last evaluated, every article is evaluated again at start-up, so feeds and digests always
 * reflect the rules in {@code topics.yml}.
 */
@Component
@Order(0)
public class ArchiveReevaluation implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ArchiveReevaluation.class);
    static final String RULES = "rules_fingerprint";
    static final String ZONE = "digest_zone";

    private final ArticleStore store;
    private final StoreMeta meta;
    private final Tagger tagger;
    private final String zone;

    public ArchiveReevaluation(ArticleStore store, StoreMeta meta, Tagger tagger, DigestZoneProperties digest) {
        this.store = store;
        this.meta = meta;
        this.tagger = tagger;
        this.zone = digest.zone().getId();
    }

    @Override
    public void run(ApplicationArguments args) {
        reevaluateIfRulesChanged();
    }

    /** @return how many articles changed */
    public int reevaluateIfRulesChanged() {
        String fingerprint = tagger.rulesFingerprint();
        if (fingerprint.equals(meta.text(RULES).orElse(null))
                && zone.equals(meta.text(ZONE).orElse(null))) {
            return 0;
        }
        return reevaluate();
    }

    /** Evaluates every stored article again with the current rules. */
    public int reevaluate() {
        long started = System.nanoTime();
        int changed = store.reevaluateAll(tagger::tag);
        meta.setText(RULES, tagger.rulesFingerprint());
        meta.setText(ZONE, zone);
        log.info(
                "Re-evaluated the archive with the current topic rules and digest zone {}: {} articles changed in {} "
                        + "ms",
                zone,
                changed,
                (System.nanoTime() - started) / 1_000_000);
        return changed;
    }
}
