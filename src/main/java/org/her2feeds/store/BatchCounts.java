package org.her2feeds.store;

import java.util.Arrays;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The store's batches are read by the rows each statement wrote: an article another instance inserted first
 * ({@code ON CONFLICT DO NOTHING}, {@link ArticleWriter}) or a member row not written ({@link PendingStories}) is
 * told by a count of 0, and so is an article whose re-evaluation a fetch overtook (an update whose guard matched no
 * row, {@link ArticleReevaluation}). A connection that answers "done, count unknown" (JDBC's
 * {@code SUCCESS_NO_INFO}, as PostgreSQL's driver does for every insert of a batch with
 * {@code reWriteBatchedInserts=true}) or sums the counts would make such a row pass for written: the item be kept
 * and grouped as this instance's, or the fetch's newer tagging be indexed and grouped over. So the store does not
 * start on one. Reading the rows back instead cannot tell them apart: two instances storing the same feed write
 * the same values, and {@code RETURNING}, which could, is not H2's; the count is the database's own answer, and
 * checking once at start-up costs the feeds nothing.
 */
final class BatchCounts {

    private static final String PROBE_INSERT = """
            INSERT INTO store_meta (name, long_value) VALUES ('batch_counts_check', 0) ON CONFLICT DO NOTHING""";
    /** Guarded as the re-evaluation's update is: by the value read, which the first statement of the batch changes. */
    private static final String PROBE_UPDATE = """
            UPDATE store_meta SET long_value = :to WHERE name = 'batch_counts_check' AND long_value = :read""";

    private static final int[] ONE_THEN_NONE = {1, 0};

    private record Probe(int[] inserts, int[] updates) {}

    private BatchCounts() {}

    /**
     * In a transaction rolled back, inserts one row twice in one batch, then updates it twice in one batch, both
     * guarded by the value first read: a connection to trust reports 1 then 0 for each batch.
     *
     * @throws IllegalStateException when it reports anything else, naming the setting to remove
     */
    static void require(NamedParameterJdbcTemplate named, TransactionTemplate transactions) {
        Probe probe = transactions.execute(status -> {
            status.setRollbackOnly();
            int[] inserts = named.batchUpdate(
                    PROBE_INSERT, new SqlParameterSource[] {new MapSqlParameterSource(), new MapSqlParameterSource()});
            int[] updates = named.batchUpdate(PROBE_UPDATE, new SqlParameterSource[] {
                new MapSqlParameterSource().addValue("to", 1L).addValue("read", 0L),
                new MapSqlParameterSource().addValue("to", 2L).addValue("read", 0L)
            });
            return new Probe(inserts, updates);
        });
        check(probe.inserts(), probe.updates());
    }

    /**
     * The decision on what the probe's two batches reported, apart from the database so that counts no driver at
     * hand reports (a summed or unknown count for updates) can be tried.
     */
    static void check(int[] inserts, int[] updates) {
        if (!Arrays.equals(inserts, ONE_THEN_NONE) || !Arrays.equals(updates, ONE_THEN_NONE)) {
            throw new IllegalStateException("The database connection does not report how many rows each statement"
                    + " of a batch wrote (a row inserted twice in one batch reported " + Arrays.toString(inserts)
                    + ", and two updates of it where only the first matched its guard reported "
                    + Arrays.toString(updates) + "; both must be [1, 0]); the store needs those counts to tell a row"
                    + " another instance or a fetch wrote first. Remove any JDBC URL setting that batches statements"
                    + " together or drops their counts: on PostgreSQL, reWriteBatchedInserts=true (HER2_DB_URL).");
        }
    }
}
