package org.her2feeds.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.flywaydb.core.Flyway;
import org.her2feeds.tagging.TaggingResult;
import org.her2feeds.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An article published (re-evaluation, or its owner's new copy) while another transaction adds a source to it (a
 * second feed carrying it): whichever of the two writes first, once both have committed a search filtered by the
 * new source (how a kind filter reaches the engine) finds the article. Both orders are played on two real
 * connections, the second writer's statement run while the first's transaction is still open and, should it wait
 * for a lock, committed only once it waits, so the interleaving does not depend on timing.
 */
class SearchSourcesRacePostgresTest {

    private TestPostgres database;
    private HikariDataSource pool;
    private StoreParts parts;
    private String articleId;
    private final ExecutorService thread = Executors.newSingleThreadExecutor();

    @BeforeEach
    void articleFromOneFeedNotYetPublished() {
        database = TestPostgres.freshSchema("search_sources_race");
        pool = new HikariDataSource();
        pool.setJdbcUrl(database.url());
        pool.setUsername(database.user());
        pool.setPassword(database.password());
        pool.setMaximumPoolSize(2);
        Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                .load()
                .migrate();
        parts = StoreParts.on(pool);
        parts.store()
                .saveFeed(
                        "journal",
                        List.of(SearchContract.item(
                                "t",
                                "Zongertinib in HER2-mutant lung cancer",
                                "Phase 1b.",
                                "2025-01-01T00:00:00Z",
                                new TaggingResult(false, List.of(), List.of()))));
        articleId =
                parts.jdbc().sql("SELECT id FROM article").query(String.class).single();
    }

    @AfterEach
    void drop() throws SQLException {
        thread.shutdownNow();
        pool.close();
        database.close();
    }

    @Test
    void aSourceAddedWhileTheArticleIsPublishedIsSearchable() throws Exception {
        try (Connection publisher = transaction();
                Connection carrier = transaction()) {
            int carrierPid = pid(carrier);
            publish(publisher);
            CompletableFuture<Void> added = CompletableFuture.runAsync(() -> addSource(carrier), thread);
            waitUntilDoneOrBlocked(added, carrierPid);
            publisher.commit();
            added.get(30, TimeUnit.SECONDS);
            carrier.commit();
        }
        assertFoundByBothSources();
    }

    @Test
    void anArticlePublishedWhileASourceIsAddedIsSearchableByIt() throws Exception {
        try (Connection publisher = transaction();
                Connection carrier = transaction()) {
            int publisherPid = pid(publisher);
            addSource(carrier);
            CompletableFuture<Void> published = CompletableFuture.runAsync(() -> publish(publisher), thread);
            waitUntilDoneOrBlocked(published, publisherPid);
            carrier.commit();
            published.get(30, TimeUnit.SECONDS);
            publisher.commit();
        }
        assertFoundByBothSources();
    }

    private void assertFoundByBothSources() {
        ArticleQueries queries = parts.queries(
                new PostgresSearch(parts.jdbc(), new TransactionTemplate(new DataSourceTransactionManager(pool))),
                SearchProperties.DEFAULTS);
        for (String source : List.of("journal", "news")) {
            assertThat(queries.search(new ArticleFilter(Set.of(), Set.of(source), "zongertinib", null, null), 10))
                    .as("searched within the source %s", source)
                    .extracting(found -> found.article().title())
                    .containsExactly("Zongertinib in HER2-mutant lung cancer");
        }
    }

    private Connection transaction() throws SQLException {
        Connection connection = database.connect();
        connection.setAutoCommit(false);
        return connection;
    }

    /** As re-evaluation publishes an article: its row changes, the search row is written by the trigger. */
    private void publish(Connection connection) {
        update(connection, "UPDATE article SET relevant = TRUE WHERE id = ?");
    }

    /** As a second feed's save records that it carries the article. */
    private void addSource(Connection connection) {
        update(
                connection,
                "INSERT INTO article_source (article_id, source_id, guid, link, first_seen_at)"
                        + " VALUES (?, 'news', 'n', 'https://news.example/n', CURRENT_TIMESTAMP)");
    }

    private void update(Connection connection, String sql) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, articleId);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns once the statement has run, or once PostgreSQL shows its session waiting for a lock. */
    private void waitUntilDoneOrBlocked(CompletableFuture<Void> statement, int pid) throws SQLException {
        try (Connection observer = database.connect();
                PreparedStatement blocked = observer.prepareStatement("SELECT cardinality(pg_blocking_pids(?)) > 0")) {
            blocked.setInt(1, pid);
            while (!statement.isDone()) {
                try (ResultSet rs = blocked.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return;
                    }
                }
                LockSupport.parkNanos(1_000_000);
            }
        }
    }

    private static int pid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
