package org.her2feeds.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Instant;
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
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * A member row keeps the owner its article has: an article grouped again without its owner (the archive evaluated
 * again, the backfill) while another source takes the article over ends with the new owner on its member row, the
 * one the story counts sources by. The take-over is held open, grouped but not committed, while the regrouping
 * starts and waits for the story lock; only then does the take-over commit. When the owner was read before the
 * lock, the regrouping read the replaced owner meanwhile and wrote it back over the take-over's.
 */
class StoryOwnerRaceTest {

    private final StoryArticles articles = StoryArticles.taggedByTheConfiguredRules();

    @Test
    void anArticleGroupedAgainWhileTakenOverKeepsTheNewOwnerOnItsMemberRow(@TempDir Path dir) throws Exception {
        try (H2FileStore db = new H2FileStore(dir)) {
            race(db.pool, db.store, StoryLockWatch.H2);
        }
    }

    @Test
    void soItDoesOnPostgres() throws Exception {
        try (TestPostgres database = TestPostgres.freshSchema("owner_race");
                HikariDataSource pool = Migrations.POSTGRESQL.migratedPool(database)) {
            race(pool, StoreParts.on(pool).store(), StoryLockWatch.POSTGRES);
        }
    }

    private void race(HikariDataSource pool, ArticleStore store, StoryLockWatch watch) throws Exception {
        JdbcClient jdbc = JdbcClient.create(pool);
        NewArticle news = articles.item(
                "onclive",
                SourceKind.NEWS,
                "n1",
                "T-DXd plus pertuzumab shows survival edge in DESTINY-Breast09",
                "Overall survival results from DESTINY-Breast09 in HER2-positive metastatic breast cancer were "
                        + "presented at ASCO.",
                "2026-06-01T08:00:00Z",
                "10.5555/nejmoa2601124");
        store.saveFeed("onclive", SourceKind.NEWS, List.of(news));
        String id = jdbc.sql("SELECT id FROM article").query(String.class).single();
        assertThat(memberOwner(jdbc, id)).isEqualTo("onclive");
        StoryGrouping grouping = new StoryGrouping(
                jdbc,
                new NamedParameterJdbcTemplate(pool),
                JsonMapper.builder().build(),
                new StoryLinks(Path.of("config/stories.yml")));
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(pool));
        Instant at = Instant.parse("2026-06-01T08:00:00Z");
        Instant now = Instant.parse("2026-06-02T00:00:00Z");

        CountDownLatch takenOver = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        // As a take-over writes: the article's new owner, then its grouping with that owner, in one transaction.
        CompletableFuture<Void> takeOver = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(s -> {
            jdbc.sql("UPDATE article SET owner_source = 'nejm' WHERE id = :id")
                    .param("id", id)
                    .update();
            grouping.group(List.of(StoryGrouping.Arriving.written(id, news, at, SourceKind.JOURNAL, "nejm")), now);
            takenOver.countDown();
            StoryLockWatch.await(commit);
        }));
        assertThat(takenOver.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Long> regroupingSession = new CompletableFuture<>();
        CompletableFuture<Void> regrouping = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(s -> {
            regroupingSession.complete(
                    jdbc.sql(watch.sessionQuery).query(Long.class).single());
            grouping.group(List.of(StoryGrouping.Arriving.written(id, news, at, SourceKind.NEWS, null)), now);
        }));
        // The regrouping waits for the story lock the take-over holds (a condition, not a time).
        assertThat(watch.untilWaiting(pool, regroupingSession.get(30, TimeUnit.SECONDS), regrouping))
                .as("the regrouping waited for the story lock")
                .isTrue();
        commit.countDown();
        takeOver.get(30, TimeUnit.SECONDS);
        regrouping.get(30, TimeUnit.SECONDS);

        assertThat(memberOwner(jdbc, id)).as("the owner on the member row").isEqualTo("nejm");
    }

    private static String memberOwner(JdbcClient jdbc, String articleId) {
        return jdbc.sql("SELECT owner_source FROM story_member WHERE article_id = :id")
                .param("id", articleId)
                .query(String.class)
                .single();
    }
}
