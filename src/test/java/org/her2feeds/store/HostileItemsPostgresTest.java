package org.her2feeds.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.her2feeds.tagging.TaggingResult;
import org.her2feeds.tagging.TermHit;
import org.her2feeds.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What H2 accepts but PostgreSQL refuses: NUL in text ("invalid byte sequence for encoding UTF8: 0x00"). One such
 * item, or one too long for its column, must not cost the feed its other items, on the clustered database too.
 */
class HostileItemsPostgresTest {

    @Test
    void nulCharactersAndOversizedValuesDoNotFailTheFeed() throws Exception {
        try (TestPostgres database = TestPostgres.freshSchema("hostile_items");
                HikariDataSource pool = Migrations.POSTGRESQL.migratedPool(database)) {
            JdbcClient jdbc = JdbcClient.create(pool);
            ArticleStore store = StoreParts.on(pool).store();
            List<String> authors = new ArrayList<>();
            for (int i = 0; i < 800; i++) {
                authors.add("Investigator\u0000 " + i);
            }
            List<NewArticle> feed = List.of(
                    item("good-1", "HER2 good one", List.of("A. Author")),
                    item("nul\u0000guid", "HER2\u0000 title with NUL \uD800", authors),
                    item("long-" + "g".repeat(3000), "HER2 " + "long title ".repeat(400), authors),
                    item("good-2", "HER2 good two", List.of("B. Author")));

            SaveSummary saved = store.saveFeed("pg", feed);

            assertThat(saved.added()).isEqualTo(4);
            assertThat(saved.rejected()).isZero();
            assertThat(jdbc.sql("SELECT title FROM article ORDER BY title")
                            .query(String.class)
                            .list())
                    .contains("HER2 good one", "HER2 good two", "HER2 title with NUL \uFFFD");
            new SourceStates(jdbc, new TransactionTemplate(new DataSourceTransactionManager(pool)))
                    .save(new SourceState(
                            "pg",
                            "https://pg.example/feed",
                            "https://pg.example/feed",
                            "\"" + "e".repeat(1200) + "\"",
                            "x".repeat(200),
                            Instant.now(),
                            Instant.now(),
                            200,
                            "error with NUL\u0000 " + "e".repeat(2000),
                            0,
                            null,
                            null,
                            null,
                            0));
            assertThat(new SourceStates(jdbc, new TransactionTemplate(new DataSourceTransactionManager(pool)))
                            .find("pg"))
                    .hasValueSatisfying(state -> {
                        assertThat(state.etag()).isNull();
                        assertThat(state.lastError())
                                .hasSizeLessThanOrEqualTo(ColumnLimits.LAST_ERROR)
                                .doesNotContain("\u0000");
                    });
        }
    }

    private static NewArticle item(String guid, String title, List<String> authors) {
        return new NewArticle(
                "pg",
                guid,
                "https://pg.example/a/" + guid.hashCode(),
                title,
                "<p>" + title + "</p>",
                title,
                authors,
                List.of(),
                Instant.parse("2026-01-01T00:00:00Z"),
                null,
                null,
                new TaggingResult(true, List.of(new TermHit("HER2", "title")), List.of()),
                title,
                "",
                null);
    }
}
