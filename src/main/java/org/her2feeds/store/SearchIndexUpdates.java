package org.her2feeds.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Indexes an ingest's articles as soon as it has committed them (on the thread that wrote them), so that the next
 * search finds little or nothing left to take in.
 */
@Component
class SearchIndexUpdates {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexUpdates.class);

    private final SearchEngine engine;

    SearchIndexUpdates(SearchEngine engine) {
        this.engine = engine;
    }

    @EventListener
    void onArticlesChanged(ArticlesChanged event) {
        try {
            engine.catchUp();
        } catch (RuntimeException e) {
            // The notes stay; the next search or change takes them in. The write itself has succeeded.
            log.warn("Could not update the search index now: {}", e.getMessage());
        }
    }
}
