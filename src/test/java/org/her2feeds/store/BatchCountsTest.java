package org.her2feeds.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import org.her2feeds.sources.SourceKind;
import org.her2feeds.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store tells a row another instance wrote first from one it wrote by the count the database reports for each
 * statement of a batch (an article two feeds insert at once, a story's member row). PostgreSQL's driver with
 * {@code reWriteBatchedInserts=true} reports no count ("success, count unknown") for every insert of a batch, so
 * such a row would pass for written: the store refuses to start on such a connection, saying what to change, and
 * starts on the URLs the project documents.
 */
class BatchCountsTest {

    @RegisterExtension
    static final MigratedPostgres POSTGRES = new MigratedPostgres("batch_counts");

    @Test
    void aStoreRefusesAConnectionThatRewritesBatchedInserts() throws Exception {
        try (TestPostgres database = TestPostgres.freshSchema("batch_counts_rewritten");
                HikariDataSource pool = Migrations.POSTGRESQL.migratedPool(
                        database.url() + "&reWriteBatchedInserts=true", database.user(), database.password())) {
            assertThatThrownBy(() -> StoreParts.on(pool))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("reWriteBatchedInserts");
        }
    }

    @Test
    void andStoresOnPostgresAsConfiguredByDefault() {
        StoreParts parts = StoreParts.on(POSTGRES.pool());
        parts.store().saveFeed("onclive", SourceKind.NEWS, List.of());
        assertThat(parts.jdbc()
                        .sql("SELECT COUNT(*) FROM store_meta WHERE name LIKE 'batch%'")
                        .query(Integer.class)
                        .single())
                .as("the check leaves nothing behind")
                .isZero();
    }

    @Test
    void andOnH2(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        try (H2FileStore db = new H2FileStore(dir)) {
            assertThat(db.jdbc
                            .sql("SELECT COUNT(*) FROM store_meta WHERE name LIKE 'batch%'")
                            .query(Integer.class)
                            .single())
                    .isZero();
        }
    }
}
