package org.her2feeds.store;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import org.her2feeds.testsupport.TestPostgres;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's own PostgreSQL schema, migrated to the latest version, for as long as the class runs: register it
 * as a static {@code @RegisterExtension} field. It opens the schema and a first pool before the class's own
 * {@code @BeforeAll} methods, and closes every pool it opened and drops the schema after the class, also when the
 * class failed half-way. Where PostgreSQL is missing the class is skipped, or fails in CI (see {@link TestPostgres}).
 */
final class MigratedPostgres implements BeforeAllCallback, AfterAllCallback {

    private final String purpose;
    private final List<HikariDataSource> pools = new ArrayList<>();
    private TestPostgres database;

    MigratedPostgres(String purpose) {
        this.purpose = purpose;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        database = TestPostgres.freshSchema(purpose);
        newPool();
    }

    /** The pool opened with the schema. */
    HikariDataSource pool() {
        return pools.get(0);
    }

    /** Another pool on the same schema, migrating it again as a second instance of a cluster does at start-up. */
    HikariDataSource newPool() {
        HikariDataSource pool = Migrations.POSTGRESQL.migratedPool(database);
        pools.add(pool);
        return pool;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        pools.forEach(HikariDataSource::close);
        pools.clear();
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
