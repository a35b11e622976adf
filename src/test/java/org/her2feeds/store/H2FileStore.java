package org.her2feeds.store;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real store and queries on a fresh H2 file database, migrated by Flyway as the application does, without Spring.
 */
final class H2FileStore implements AutoCloseable {

    final HikariDataSource pool;
    final JdbcClient jdbc;
    final ArticleStore store;
    final ArticleQueries queries;

    H2FileStore(Path dir) {
        pool = new HikariDataSource();
        pool.setJdbcUrl("jdbc:h2:file:" + dir.toAbsolutePath().resolve("store")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        pool.setMaximumPoolSize(2);
        Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        jdbc = JdbcClient.create(pool);
        JsonMapper json = JsonMapper.builder().build();
        ArticleVersion version = new ArticleVersion(jdbc, event -> {}, new StoreProperties(dir, Duration.ofSeconds(2)));
        store = new ArticleStore(
                jdbc,
                new JdbcTemplate(pool),
                new TransactionTemplate(new DataSourceTransactionManager(pool)),
                json,
                new DigestZoneProperties(ZoneOffset.UTC),
                version,
                Clock.systemUTC());
        queries = new ArticleQueries(jdbc, json, version);
    }

    @Override
    public void close() {
        pool.close();
    }
}
