package org.her2feeds.ingest;

import java.time.Duration;
import java.time.Instant;

/**
 * What one run of one source did.
 *
 * @param status     HTTP status (200/304 for files too), null when no response arrived or nothing was fetched
 * @param error      one-line error, null on success
 * @param nextFetchAt when the source should be fetched next; null when it must not be fetched (disabled, gone)
 * @param irrelevant items stored but not published because they are not about HER2
 * @param rejected   items dropped because they had nothing to show (no title, no text, no link), or because the
 *                   store could not keep them (each logged with its reason); the feed's other items are stored
 */
public record IngestOutcome(String sourceId, Integer status, int added, int updated, int unchanged, int duplicates,
        int irrelevant, int rejected, String error, Instant nextFetchAt, Duration duration) {

    public boolean succeeded() {
        return error == null;
    }
}
