package org.her2feeds.store;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real store and queries on a fresh H2 file database, migrated by Flyway as the application does, without Spring.
 * Opened on a folder by hand, or registered as an extension ({@code @RegisterExtension final H2FileStore db = new
 * H2FileStore();}) to get a fresh database in a temporary folder for each test.
 */
final class H2FileStore implements AutoCloseable, BeforeEachCallback, AfterEachCallback {

    HikariDataSource pool;
    JdbcClient jdbc;
    ArticleStore store;
    ArticleQueries queries;
    StoryQueries stories;
    private LuceneSearch search;
    private JsonMapper json;
    private ArticleVersion version;
    private Path temporary;

    /** A database opened before each test and removed after it; see {@link #beforeEach}. */
    H2FileStore() {}

    H2FileStore(Path dir) {
        open(dir);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        temporary = Files.createTempDirectory("her2-store-");
        open(temporary);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        close();
        FileSystemUtils.deleteRecursively(temporary);
    }

    private void open(Path dir) {
        pool = Migrations.H2.migratedPool(
                "jdbc:h2:file:" + dir.toAbsolutePath().resolve("store") + EmbeddedDatabaseLocation.H2_OPTIONS,
                null,
                null);
        StoreParts parts = StoreParts.on(pool, dir);
        jdbc = parts.jdbc();
        json = parts.json();
        version = parts.version();
        store = parts.store();
        search = new LuceneSearch(jdbc, dir.resolve("search-index"));
        queries = new ArticleQueries(jdbc, json, version, search, SearchProperties.DEFAULTS);
        stories = new StoryQueries(jdbc, json);
    }

    /** Queries of this store with other search limits, on the same index. */
    ArticleQueries queries(SearchProperties limits) {
        return new ArticleQueries(jdbc, json, version, search, limits);
    }

    /** Queries of this store through another pool of the same database (one that counts its statements). */
    ArticleQueries queries(javax.sql.DataSource through) {
        return new ArticleQueries(JdbcClient.create(through), json, version, search, SearchProperties.DEFAULTS);
    }

    /** Story queries through another pool of the same database. */
    StoryQueries stories(javax.sql.DataSource through) {
        return new StoryQueries(JdbcClient.create(through), json);
    }

    @Override
    public void close() {
        try {
            search.close();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        pool.close();
    }
}
