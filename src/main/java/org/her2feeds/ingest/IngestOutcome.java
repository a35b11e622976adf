package org.her2feeds.ingest;

import java.time.Duration;
import java.time.Instant;
import org.her2feeds.store.SaveSummary;

/**
 * What one run of one source did. Built through the factories below, one for each way a run can end.
 *
 * @param status     HTTP status (200/304 for files too), null when no response arrived or nothing was fetched
 * @param error      one-line error, null on success
 * @param nextFetchAt when the source should be fetched next; null when it must not be fetched (disabled, gone)
 * @param unchanged  items already stored as they are: those the store found unchanged, and entries skipped before
 *                   cleaning because their raw fingerprint was known ({@link org.her2feeds.store.KnownItems})
 * @param irrelevant items stored but not published because they are not about HER2, among the items read this time
 * @param rejected   items dropped because they had nothing to show (no title, no text, no link), or because the
 *                   store could not keep them (each logged with its reason); the feed's other items are stored
 */
public record IngestOutcome(
        String sourceId,
        Integer status,
        int added,
        int updated,
        int unchanged,
        int duplicates,
        int irrelevant,
        int rejected,
        String error,
        Instant nextFetchAt,
        Duration duration) {

    /** The id is not in the sources file. */
    static IngestOutcome unknownSource(String sourceId) {
        return notRun(sourceId, "unknown source '" + sourceId + "'");
    }

    /** The source is listed but not fetched (disabled, paused, gone): nothing was attempted. */
    static IngestOutcome notFetched(String sourceId, String why) {
        return notRun(sourceId, "not fetched: " + why);
    }

    /** The fetch, the parse or the store failed; nothing of the feed was stored. */
    static IngestOutcome failed(String sourceId, Integer status, String error, Instant nextFetchAt, Duration duration) {
        return new IngestOutcome(sourceId, status, 0, 0, 0, 0, 0, 0, error, nextFetchAt, duration);
    }

    /**
     * The feed was read (or had not changed) and what it held is stored. Items the store could not keep count with
     * those that had nothing to show ({@code rejected}).
     */
    static IngestOutcome stored(
            String sourceId,
            Integer status,
            SaveSummary saved,
            int skipped,
            int irrelevant,
            int rejected,
            Instant nextFetchAt,
            Duration duration) {
        return new IngestOutcome(
                sourceId,
                status,
                saved.added(),
                saved.updated(),
                saved.unchanged() + skipped,
                saved.duplicates(),
                irrelevant,
                rejected + saved.rejected(),
                null,
                nextFetchAt,
                duration);
    }

    private static IngestOutcome notRun(String sourceId, String error) {
        return failed(sourceId, null, error, null, Duration.ZERO);
    }

    public boolean succeeded() {
        return error == null;
    }
}
