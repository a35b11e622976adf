package org.her2feeds.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.her2feeds.store.StoryRegroupingTest.NEWS_TEXT;
import static org.her2feeds.store.StoryRegroupingTest.NEWS_TITLE;
import static org.her2feeds.store.StoryRegroupingTest.OTHER_TEXT;
import static org.her2feeds.store.StoryRegroupingTest.OTHER_TITLE;
import static org.her2feeds.store.StoryRegroupingTest.PAPER;
import static org.her2feeds.store.StoryRegroupingTest.PAPER_TEXT;
import static org.her2feeds.store.StoryRegroupingTest.idOf;
import static org.her2feeds.store.StoryRegroupingTest.membersOf;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import org.her2feeds.sources.SourceKind;
import org.her2feeds.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stories follow their members on the clustered database (PostgreSQL) as on H2 ({@link StoryRegroupingTest}): the
 * article that started a story leaves it and the rest keep the id; an archive without story rows is grouped once.
 */
class StoryRegroupingPostgresTest {

    @Test
    void storiesSplitAndAnArchiveWithoutStoriesIsGroupedOnPostgres() throws Exception {
        try (TestPostgres database = TestPostgres.freshSchema("regrouping");
                HikariDataSource pool = Migrations.POSTGRESQL.migratedPool(database)) {
            StoreParts parts = StoreParts.on(pool);
            ArticleStore store = parts.store();
            JdbcClient jdbc = parts.jdbc();
            StoryQueries stories = parts.stories();
            StoryArticles articles = StoryArticles.taggedByTheConfiguredRules();

            articles.save(store, "news-a", SourceKind.NEWS, "a", NEWS_TITLE, NEWS_TEXT, "2026-06-01T08:00:00Z");
            articles.save(store, "journal", SourceKind.JOURNAL, "j", PAPER, PAPER_TEXT, "2026-06-01T12:00:00Z");
            articles.save(
                    store,
                    "news-b",
                    SourceKind.NEWS,
                    "b",
                    "ASCO: DESTINY-Breast09 survival",
                    NEWS_TEXT,
                    "2026-06-02T08:00:00Z");
            String story = "s-" + idOf(jdbc, "a");
            assertThat(membersOf(jdbc, story)).containsExactlyInAnyOrder("journal", "news-a", "news-b");

            articles.save(store, "news-a", SourceKind.NEWS, "a", OTHER_TITLE, OTHER_TEXT, "2026-06-01T08:00:00Z");

            assertThat(membersOf(jdbc, story)).containsExactlyInAnyOrder("journal", "news-b");
            List<Story> split = stories.page(null, 10);
            assertThat(split).extracting(Story::id).containsExactly(story);

            jdbc.sql("DELETE FROM story_member").update();
            jdbc.sql("DELETE FROM story").update();
            assertThat(store.groupArticlesWithoutStory()).isEqualTo(3);
            List<Story> grouped = stories.page(null, 10);
            assertThat(grouped).extracting(Story::id).containsExactly("s-" + idOf(jdbc, "j"));
            assertThat(store.groupArticlesWithoutStory()).isZero();
            assertThat(stories.page(null, 10)).isEqualTo(grouped);
        }
    }
}
