package org.her2feeds.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.her2feeds.sources.SourceKind;
import org.her2feeds.tagging.StoryLinks;
import org.her2feeds.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The backfill reads a page of articles without a story row before its transaction; an article grouped meanwhile
 * (a later copy stored, a take-over) is left as that grouping wrote it, not grouped again by the text the page read.
 * The later copy is held open, grouped but not committed, while the backfill reads its page and waits for the story
 * lock; only then does the copy commit. When the page was grouped as read, the member row got the old profile back.
 */
class StoryBackfillRaceTest {

    private final StoryArticles articles = StoryArticles.taggedByTheConfiguredRules();

    @Test
    void anArticleGroupedWhileTheBackfillWaitsKeepsTheProfileItWasGroupedBy(@TempDir Path dir) throws Exception {
        try (H2FileStore db = new H2FileStore(dir)) {
            race(db.pool, db.store, StoryLockWatch.H2);
        }
    }

    @Test
    void soItDoesOnPostgres() throws Exception {
        try (TestPostgres database = TestPostgres.freshSchema("backfill_race");
                HikariDataSource pool = Migrations.POSTGRESQL.migratedPool(database)) {
            race(pool, StoreParts.on(pool).store(), StoryLockWatch.POSTGRES);
        }
    }

    private void race(HikariDataSource pool, ArticleStore store, StoryLockWatch watch) throws Exception {
        JdbcClient jdbc = JdbcClient.create(pool);
        store.saveFeed("onclive", SourceKind.NEWS, List.of(copy("T-DXd shows survival edge in DESTINY-Breast09")));
        String id = jdbc.sql("SELECT id FROM article").query(String.class).single();
        String first = memberProfile(jdbc, id);
        // As stored before stories existed: the backfill's page holds it.
        jdbc.sql("DELETE FROM story_member").update();
        jdbc.sql("DELETE FROM story").update();
        NewArticle later = copy("Trastuzumab deruxtecan with pertuzumab: HER2CLIMB and DESTINY-Breast09 compared");
        Instant at = Instant.parse("2026-06-01T08:00:00Z");
        Instant now = Instant.parse("2026-06-02T00:00:00Z");
        JsonMapper json = JsonMapper.builder().build();
        StoryLinks links = new StoryLinks(Path.of("config/stories.yml"));
        StoryGrouping grouping = new StoryGrouping(jdbc, new NamedParameterJdbcTemplate(pool), json, links);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(pool));

        CountDownLatch copied = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<String> grouped = CompletableFuture.supplyAsync(() -> transactions.execute(s -> {
            jdbc.sql("UPDATE article SET title = :title WHERE id = :id")
                    .param("title", later.title())
                    .param("id", id)
                    .update();
            grouping.group(List.of(StoryGrouping.Arriving.written(id, later, at, SourceKind.NEWS, "onclive")), now);
            String profile = memberProfile(jdbc, id);
            copied.countDown();
            StoryLockWatch.await(commit);
            return profile;
        }));
        assertThat(copied.await(30, TimeUnit.SECONDS)).isTrue();
        // The backfill on a connection of its own, so its session is known before it starts.
        try (Connection own = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword())) {
            long backfillSession = watch.session(own);
            SingleConnectionDataSource single = new SingleConnectionDataSource(own, true);
            JdbcClient backfillJdbc = JdbcClient.create(single);
            StoryBackfill backfill = new StoryBackfill(
                    backfillJdbc,
                    new TransactionTemplate(new DataSourceTransactionManager(single)),
                    json,
                    new StoryGrouping(backfillJdbc, new NamedParameterJdbcTemplate(single), json, links),
                    Clock.fixed(now, ZoneOffset.UTC));
            CompletableFuture<Integer> backfilled = CompletableFuture.supplyAsync(backfill::run);
            // It read its page (the copy not committed) and waits for the story lock: a condition, not a time.
            assertThat(watch.untilWaiting(pool, backfillSession, backfilled))
                    .as("the backfill waited for the story lock")
                    .isTrue();
            commit.countDown();
            String profile = grouped.get(30, TimeUnit.SECONDS);
            backfilled.get(30, TimeUnit.SECONDS);

            assertThat(profile).as("the later copy's profile").isNotEqualTo(first);
            assertThat(memberProfile(jdbc, id))
                    .as("the profile on the member row")
                    .isEqualTo(profile);
        }
    }

    private NewArticle copy(String title) {
        return articles.item(
                "onclive",
                SourceKind.NEWS,
                "n1",
                title,
                "Overall survival results from DESTINY-Breast09 in HER2-positive metastatic breast cancer were "
                        + "presented at ASCO.",
                "2026-06-01T08:00:00Z",
                "10.5555/nejmoa2601124");
    }

    private static String memberProfile(JdbcClient jdbc, String articleId) {
        return jdbc.sql("SELECT profile FROM story_member WHERE article_id = :id")
                .param("id", articleId)
                .query(String.class)
                .single();
    }
}
