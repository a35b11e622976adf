package org.her2feeds.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.her2feeds.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

/**
 * Story grouping and reading on the clustered database (PostgreSQL): the V12 tables, the grouping lock, joining two
 * stories and the lists, as on H2 ({@link StoryGroupingTest}).
 */
class StoryGroupingPostgresTest {

    @Test
    void storiesAreGroupedJoinedAndReadOnPostgres() throws Exception {
        try (TestPostgres database = TestPostgres.freshSchema("stories");
                HikariDataSource pool = Migrations.POSTGRESQL.migratedPool(database)) {
            StoreParts parts = StoreParts.on(pool);
            ArticleStore store = parts.store();
            StoryQueries stories = parts.stories();
            StoryArticles articles = StoryArticles.taggedByTheConfiguredRules();

            articles.saveTwoStories(store);
            List<Story> before = stories.page(null, 10);
            assertThat(before).hasSize(2);

            articles.saveTheirLink(store);

            List<Story> after = stories.page(null, 10);
            assertThat(after).hasSize(1);
            assertThat(after.get(0).members()).hasSize(5);
            for (Story old : before) {
                assertThat(stories.story(old.id()))
                        .hasValueSatisfying(
                                s -> assertThat(s.id()).isEqualTo(after.get(0).id()));
            }
            assertThat(stories.page(
                            new StoryQueries.Position(
                                    after.get(0).updated(), after.get(0).id()),
                            10))
                    .isEmpty();
            List<String> ofDay = parts.jdbc()
                    .sql("SELECT id FROM article WHERE digest_date = :day")
                    .param("day", LocalDate.parse("2026-02-12"))
                    .query(String.class)
                    .list();
            assertThat(stories.withAnyOf(ofDay)).hasSize(1);
            assertThat(after.get(0).firstSeen()).isEqualTo(Instant.parse("2026-02-09T00:00:00Z"));
        }
    }
}
