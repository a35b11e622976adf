package org.her2feeds.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.her2feeds.sources.SourceKind;
import org.her2feeds.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The store tells a row another instance wrote first from one it wrote by the count the database reports for each
 * statement of a batch (an article two feeds insert at once, a story's member row). PostgreSQL's driver with
 * {@code reWriteBatchedInserts=true} reports no count ("success, count unknown") for every insert of a batch, so
 * such a row would pass for written: the store refuses to start on such a connection, saying what to change, and
 * starts on the URLs the project documents. The re-evaluation of the archive reads the counts of a batch of guarded
 * updates the same way (0: a fetch wrote the article meanwhile); no driver setting at hand breaks those, so a
 * connection that reports them as a driver might (unknown, or summed) stands in for one, and the decision on the
 * counts is tried directly.
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
    void andOnH2(@TempDir Path dir) {
        try (H2FileStore db = new H2FileStore(dir)) {
            assertThat(db.jdbc
                            .sql("SELECT COUNT(*) FROM store_meta WHERE name LIKE 'batch%'")
                            .query(Integer.class)
                            .single())
                    .isZero();
        }
    }

    @Test
    void aStoreRefusesAConnectionReportingNoCountForBatchedUpdatesOnPostgres() {
        assertThatThrownBy(() -> StoreParts.on(updatesReported(POSTGRES.pool(), Statement.SUCCESS_NO_INFO)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("two updates of it where only the first matched its guard reported [-2, -2]")
                .hasMessageContaining("HER2_DB_URL");
        assertThat(probeRows(POSTGRES.pool()))
                .as("the refused check leaves nothing behind")
                .isZero();
    }

    @Test
    void andOnH2Too(@TempDir Path dir) {
        try (HikariDataSource pool = Migrations.H2.migratedPool(
                "jdbc:h2:file:" + dir.resolve("store") + EmbeddedDatabaseLocation.H2_OPTIONS, "sa", "")) {
            assertThatThrownBy(() -> StoreParts.on(updatesReported(pool, Statement.SUCCESS_NO_INFO), dir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("reported [-2, -2]");
            assertThat(probeRows(pool))
                    .as("the refused check leaves nothing behind")
                    .isZero();
        }
    }

    @Test
    void theDecisionAcceptsOnlyOneThenNoneForBothBatches() {
        BatchCounts.check(new int[] {1, 0}, new int[] {1, 0});
        int[][] refused = {
            {Statement.SUCCESS_NO_INFO, Statement.SUCCESS_NO_INFO}, // count unknown
            {1}, // summed over the batch
            {1, 1}, // the guard not seen
            {1, 0, 0} // a count no statement was run for
        };
        for (int[] counts : refused) {
            assertThatThrownBy(() -> BatchCounts.check(new int[] {1, 0}, counts))
                    .as("updates reporting %s", Arrays.toString(counts))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("HER2_DB_URL");
            assertThatThrownBy(() -> BatchCounts.check(counts, new int[] {1, 0}))
                    .as("inserts reporting %s", Arrays.toString(counts))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    /**
     * The pool as a driver would be that reports {@code reported} for each update of a batch, where the database's
     * own counts (and all inserts) are left as they are.
     */
    private static DataSource updatesReported(DataSource pool, int reported) {
        return new DelegatingDataSource(pool) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = super.getConnection();
                return proxy(Connection.class, connection, (method, args, result) -> {
                    if (method.equals("prepareStatement")
                            && ((String) args[0]).strip().startsWith("UPDATE")) {
                        PreparedStatement statement = (PreparedStatement) result;
                        return proxy(PreparedStatement.class, statement, (inner, innerArgs, counts) -> {
                            if (inner.equals("executeBatch")) {
                                int[] changed = ((int[]) counts).clone();
                                Arrays.fill(changed, reported);
                                return changed;
                            }
                            return counts;
                        });
                    }
                    return result;
                });
            }
        };
    }

    private static int probeRows(DataSource pool) {
        return JdbcClient.create(pool)
                .sql("SELECT COUNT(*) FROM store_meta WHERE name LIKE 'batch%'")
                .query(Integer.class)
                .single();
    }

    private interface Answer {
        Object after(String method, Object[] args, Object result) throws SQLException;
    }

    private static <T> T proxy(Class<T> type, T target, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            return answer.after(method.getName(), args, result);
        }));
    }
}
