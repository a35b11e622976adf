package org.her2feeds.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Set;
import org.her2feeds.tagging.TaggingResult;
import org.her2feeds.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * V13 of db/vendor/postgresql on an archive stored before it: the search rows are written anew with each published
 * article's sources, so a kind filter finds what was stored before the upgrade, and unpublished articles stay out.
 */
class SearchSourcesMigrationPostgresTest {

    @Test
    void articlesStoredBeforeTheUpgradeAreFoundByTheirSources() throws Exception {
        try (TestPostgres database = TestPostgres.freshSchema("v13");
                HikariDataSource pool = Migrations.POSTGRESQL.upTo("12").migratedPool(database)) {
            // Today's store writes each story member's owner, a column V15 adds (IF NOT EXISTS, so the upgrade
            // below keeps it): added here so that today's code can store into the schema of before V13.
            try (var connection = pool.getConnection();
                    var statement = connection.createStatement()) {
                statement.execute("ALTER TABLE story_member ADD COLUMN owner_source VARCHAR(100)");
            }
            StoreParts parts = StoreParts.on(pool);
            NewArticle trial = SearchContract.item(
                    "t", "Zongertinib in HER2-mutant lung cancer", "Phase 1b.", "2025-01-01T00:00:00Z");
            parts.store().saveFeed("journal", List.of(trial));
            parts.store().saveFeed("news", List.of(trial));
            parts.store()
                    .saveFeed(
                            "journal",
                            List.of(SearchContract.item(
                                    "x",
                                    "Zongertinib and EGFR",
                                    "Not about HER2.",
                                    "2025-02-01T00:00:00Z",
                                    new TaggingResult(false, List.of(), List.of()))));

            Migrations.POSTGRESQL.applyTo(pool);

            JdbcClient jdbc = parts.jdbc();
            assertThat(jdbc.sql("SELECT CAST(sources AS TEXT) FROM article_search")
                            .query(String.class)
                            .list())
                    .containsExactly("{journal,news}");
            ArticleQueries queries = parts.queries(
                    new PostgresSearch(jdbc, new TransactionTemplate(new DataSourceTransactionManager(pool))),
                    SearchProperties.DEFAULTS);
            assertThat(queries.search(new ArticleFilter(Set.of(), Set.of("news"), "zongertinib", null, null), 10))
                    .extracting(found -> found.article().title())
                    .containsExactly("Zongertinib in HER2-mutant lung cancer");
            assertThat(queries.search(new ArticleFilter(Set.of(), Set.of("journal"), "egfr", null, null), 10))
                    .isEmpty();
        }
    }
}
