package org.her2feeds.store;

import java.util.Arrays;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The store's batches are read by the rows each statement wrote: an article another instance inserted first
 * ({@code ON CONFLICT DO NOTHING}, {@link ArticleWriter}) or a member row not written ({@link PendingStories}) is
 * told by a count of 0. A connection that answers "done, count unknown" (JDBC's {@code SUCCESS_NO_INFO}, as
 * PostgreSQL's driver does for every insert of a batch with {@code reWriteBatchedInserts=true}) or sums the counts
 * would make such a row pass for written, and the item be kept and grouped as this instance's. So the store does
 * not start on one. Reading the rows back instead cannot tell them apart: two instances storing the same feed write
 * the same values, and {@code RETURNING}, which could, is not H2's; the count is the database's own answer, and
 * checking once at start-up costs the feeds nothing.
 */
final class BatchCounts {

    private static final String PROBE = """
            INSERT INTO store_meta (name, long_value) VALUES ('batch_counts_check', 0) ON CONFLICT DO NOTHING""";

    private BatchCounts() {}

    /**
     * Inserts one row twice in one batch, in a transaction rolled back: a connection to trust reports 1 then 0.
     *
     * @throws IllegalStateException when it reports anything else, naming the setting to remove
     */
    static void require(NamedParameterJdbcTemplate named, TransactionTemplate transactions) {
        int[] counts = transactions.execute(status -> {
            status.setRollbackOnly();
            return named.batchUpdate(
                    PROBE, new SqlParameterSource[] {new MapSqlParameterSource(), new MapSqlParameterSource()});
        });
        if (!Arrays.equals(counts, new int[] {1, 0})) {
            throw new IllegalStateException("The database connection does not report how many rows each statement"
                    + " of a batch wrote (a row inserted twice in one batch reported " + Arrays.toString(counts)
                    + ", not [1, 0]); the store needs those counts to tell a row another instance wrote first."
                    + " On PostgreSQL, remove reWriteBatchedInserts=true from the JDBC URL (HER2_DB_URL).");
        }
    }
}
