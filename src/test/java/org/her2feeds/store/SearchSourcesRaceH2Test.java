package org.her2feeds.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.her2feeds.tagging.TaggingResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * On the embedded database, the interleaving of {@link SearchSourcesRacePostgresTest}: an article published while
 * another transaction adds a source to it. The index takes in the publication as soon as it commits (as after
 * every ingest), while the source's transaction is still open; once that one commits too, a search filtered by
 * the new source finds the article. Neither statement waits for the other on H2, so each runs in turn on its own
 * connection.
 */
class SearchSourcesRaceH2Test {

    @RegisterExtension
    final H2FileStore db = new H2FileStore();

    private String articleId;

    @BeforeEach
    void articleFromOneFeedNotYetPublished() {
        db.store.saveFeed(
                "journal",
                List.of(SearchContract.item(
                        "t",
                        "Zongertinib in HER2-mutant lung cancer",
                        "Phase 1b.",
                        "2025-01-01T00:00:00Z",
                        new TaggingResult(false, List.of(), List.of()))));
        articleId = db.jdbc.sql("SELECT id FROM article").query(String.class).single();
    }

    @Test
    void aSourceAddedWhileTheArticleIsPublishedIsSearchable() throws Exception {
        try (Connection publisher = transaction();
                Connection carrier = transaction()) {
            publish(publisher);
            addSource(carrier);
            publisher.commit();
            assertFoundBy("journal");
            carrier.commit();
        }
        assertFoundBy("journal");
        assertFoundBy("news");
    }

    @Test
    void anArticlePublishedWhileASourceIsAddedIsSearchableByIt() throws Exception {
        try (Connection publisher = transaction();
                Connection carrier = transaction()) {
            addSource(carrier);
            publish(publisher);
            publisher.commit();
            assertFoundBy("journal");
            carrier.commit();
        }
        assertFoundBy("journal");
        assertFoundBy("news");
    }

    /** A search takes in what the index has not yet, as the service's searches do. */
    private void assertFoundBy(String source) {
        assertThat(db.queries.search(new ArticleFilter(Set.of(), Set.of(source), "zongertinib", null, null), 10))
                .as("searched within the source %s", source)
                .extracting(found -> found.article().title())
                .containsExactly("Zongertinib in HER2-mutant lung cancer");
    }

    private Connection transaction() throws SQLException {
        Connection connection = DriverManager.getConnection(db.pool.getJdbcUrl());
        connection.setAutoCommit(false);
        return connection;
    }

    private void publish(Connection connection) throws SQLException {
        update(connection, "UPDATE article SET relevant = TRUE WHERE id = ?");
    }

    private void addSource(Connection connection) throws SQLException {
        update(
                connection,
                "INSERT INTO article_source (article_id, source_id, guid, link, first_seen_at)"
                        + " VALUES (?, 'news', 'n', 'https://news.example/n', CURRENT_TIMESTAMP)");
    }

    private void update(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, articleId);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }
}
