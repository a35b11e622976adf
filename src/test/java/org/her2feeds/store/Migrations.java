package org.her2feeds.store;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.her2feeds.testsupport.TestPostgres;

/**
 * The schema a store test's database is given: Flyway's migrations from where the application takes them
 * (application.yml: {@code db/migration}, then {@code db/vendor/<vendor>}), to the latest version or only up to
 * {@link #upTo one}, so that every test runs on the schema a real instance of that database would have.
 *
 * @param target the last version applied, or null for all
 */
record Migrations(String vendor, String target) {

    static final Migrations POSTGRESQL = new Migrations("postgresql", null);
    static final Migrations H2 = new Migrations("h2", null);

    /** Only the migrations up to this version: for a test of what a later one does to data stored before it. */
    Migrations upTo(String version) {
        return new Migrations(vendor, version);
    }

    /** A pool on the test's own PostgreSQL schema (it stays isolated, and is dropped with it), migrated. */
    HikariDataSource migratedPool(TestPostgres database) {
        return migratedPool(database.url(), database.user(), database.password());
    }

    /** A pool of two connections (enough for a test, small on a shared server) on the database, migrated. */
    HikariDataSource migratedPool(String url, String user, String password) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setMaximumPoolSize(2);
        try {
            applyTo(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return pool;
    }

    void applyTo(DataSource database) {
        FluentConfiguration flyway = Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor);
        if (target != null) {
            flyway = flyway.target(target);
        }
        flyway.load().migrate();
    }
}
