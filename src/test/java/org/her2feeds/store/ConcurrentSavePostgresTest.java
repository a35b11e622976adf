package org.her2feeds.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.her2feeds.tagging.TaggingResult;
import org.her2feeds.tagging.TermHit;
import org.her2feeds.tagging.TopicTag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two cluster instances (two stores, each with its own connection pool) store overlapping feeds at the same
 * moment on real PostgreSQL, many times over: every article must be stored once, credited to both sources,
 * and no save may fail (no unique violation, no deadlock), whatever order the feeds list the articles in.
 */
class ConcurrentSavePostgresTest {

    private static final int ROUNDS = 40;
    private static final int SHARED = 25;
    private static final int OWN = 5;

    @RegisterExtension
    static final MigratedPostgres database = new MigratedPostgres("concurrent_save");

    private static HikariDataSource poolA;
    private static HikariDataSource poolB;

    @BeforeAll
    static void migrate() {
        // Each instance migrates at start-up, as two instances of a cluster do: the second finds nothing to do.
        poolA = database.pool();
        poolB = database.newPool();
    }

    @Test
    void overlappingFeedsSavedAtTheSameMomentOnTwoInstancesStoreEachArticleOnce() throws Exception {
        ArticleStore storeA = store(poolA);
        ArticleStore storeB = store(poolB);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        int addedTotal = 0;
        int duplicatesTotal = 0;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                // Opposite orders are what would deadlock two transactions that lock rows as they meet them.
                List<NewArticle> feedA = feed("journal", round, false);
                List<NewArticle> feedB = feed("news", round, true);
                CountDownLatch start = new CountDownLatch(1);
                CompletableFuture<SaveSummary> a = CompletableFuture.supplyAsync(
                        () -> await(start, () -> storeA.saveFeed("journal", feedA)), threads);
                CompletableFuture<SaveSummary> b = CompletableFuture.supplyAsync(
                        () -> await(start, () -> storeB.saveFeed("news", feedB)), threads);
                start.countDown();
                SaveSummary savedA = a.get(30, TimeUnit.SECONDS);
                SaveSummary savedB = b.get(30, TimeUnit.SECONDS);
                assertThat(savedA.added() + savedB.added())
                        .as("round %d: new articles", round)
                        .isEqualTo(SHARED + 2 * OWN);
                assertThat(savedA.duplicates() + savedB.duplicates())
                        .as("round %d: duplicates", round)
                        .isEqualTo(SHARED);
                addedTotal += savedA.added() + savedB.added();
                duplicatesTotal += savedA.duplicates() + savedB.duplicates();
            }
        } finally {
            threads.shutdownNow();
        }

        JdbcClient jdbc = JdbcClient.create(poolA);
        assertThat(addedTotal).isEqualTo(ROUNDS * (SHARED + 2 * OWN));
        assertThat(duplicatesTotal).isEqualTo(ROUNDS * SHARED);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM article").query(Long.class).single())
                .isEqualTo(ROUNDS * (SHARED + 2L * OWN));
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT doi) FROM article WHERE doi IS NOT NULL")
                        .query(Long.class)
                        .single())
                .isEqualTo(ROUNDS * (long) SHARED);
        // Every shared article lists both sources, with each source's own link.
        String sharedByBoth = """
                SELECT COUNT(*) FROM article a WHERE a.doi IS NOT NULL
                  AND (SELECT COUNT(*) FROM article_source s WHERE s.article_id = a.id) = 2""";
        assertThat(jdbc.sql(sharedByBoth).query(Long.class).single()).isEqualTo(ROUNDS * (long) SHARED);
        // Both sources' links lead to the one stored article.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM article_key WHERE key_kind = 'link'")
                        .query(Long.class)
                        .single())
                .isEqualTo(ROUNDS * (2L * SHARED + 2L * OWN));
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT article_id) FROM article_topic")
                        .query(Long.class)
                        .single())
                .isEqualTo(ROUNDS * (SHARED + 2L * OWN));
        assertThat(jdbc.sql("SELECT long_value FROM store_meta WHERE name = 'articles_version'")
                        .query(Long.class)
                        .single())
                .isEqualTo(2L * ROUNDS);
    }

    private static List<NewArticle> feed(String source, int round, boolean reversed) {
        List<NewArticle> items = new ArrayList<>();
        for (int i = 0; i < SHARED; i++) {
            items.add(article(source, "shared-" + i, "10.5555/round" + round + "." + i, round));
        }
        if (reversed) {
            Collections.reverse(items);
        }
        for (int i = 0; i < OWN; i++) {
            items.add(article(source, "own-" + i, null, round));
        }
        return items;
    }

    private static NewArticle article(String source, String name, String doi, int round) {
        TaggingResult tagging = new TaggingResult(
                true,
                List.of(new TermHit("HER2", "title")),
                List.of(new TopicTag("adc", "Antibody-drug conjugates", List.of(new TermHit("T-DXd", "summary")))));
        return new NewArticle(
                source,
                source + "-" + round + "-" + name,
                "https://" + source + ".example/" + round + "/" + name,
                "HER2 " + name + " in round " + round,
                "<p>T-DXd " + name + "</p>",
                "T-DXd " + name,
                List.of("A. Author"),
                List.of("Oncology"),
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(round * 60L),
                doi,
                null,
                tagging,
                "T-DXd " + name,
                "",
                null);
    }

    private static ArticleStore store(HikariDataSource pool) {
        return StoreParts.on(pool).store();
    }

    private static <T> T await(CountDownLatch start, java.util.function.Supplier<T> work) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return work.get();
    }
}
