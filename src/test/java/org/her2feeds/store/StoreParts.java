package org.her2feeds.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The store's parts on a migrated database (H2 or PostgreSQL), wired as the application wires them but without
 * Spring, so the store tests of both databases build them the same way.
 */
record StoreParts(JdbcClient jdbc, JsonMapper json, ArticleVersion version, ArticleStore store) {

    /** @param dataDir the data folder (only the embedded database's search index lives there) */
    static StoreParts on(DataSource pool, Path dataDir) {
        JdbcClient jdbc = JdbcClient.create(pool);
        JsonMapper json = JsonMapper.builder().build();
        ArticleVersion version =
                new ArticleVersion(jdbc, event -> {}, new StoreProperties(dataDir, Duration.ofSeconds(2)));
        ArticleStore store = new ArticleStore(
                jdbc,
                new JdbcTemplate(pool),
                new TransactionTemplate(new DataSourceTransactionManager(pool)),
                json,
                new DigestZoneProperties(ZoneOffset.UTC),
                version,
                Clock.systemUTC());
        return new StoreParts(jdbc, json, version, store);
    }

    /** On PostgreSQL, where no data folder is used. */
    static StoreParts on(DataSource pool) {
        return on(pool, Path.of("unused"));
    }

    ArticleQueries queries(SearchEngine search, SearchProperties limits) {
        return new ArticleQueries(jdbc, json, version, search, limits);
    }

    StoryQueries stories() {
        return new StoryQueries(jdbc, json);
    }
}
