package org.her2feeds.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PostgreSQL's window plan for a common word when only dates bound a search (the GIN index read from the date of
 * the newest articles that should hold enough matches): it must give exactly the newest matches, with the same
 * ranks, that the GIN index alone gives over the whole archive, also when the window holds fewer matches than the
 * search asks for, because the word is rarer further back. Each case first checks the engine does choose the window,
 * so that the comparison is of that plan and not of another one.
 */
class SearchWindowPostgresTest {

    /** Matches asked for; the sample is then 20 articles and a window reads the newest 30 / share of them. */
    private static final int DEPTH = 20;

    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    @RegisterExtension
    static final MigratedPostgres database = new MigratedPostgres("search window");

    private static HikariDataSource pool;
    private static ArticleStore store;
    private static JdbcClient jdbc;
    private static PostgresSearch engine;

    @BeforeAll
    static void migrate() {
        pool = database.pool();
        StoreParts parts = StoreParts.on(pool);
        jdbc = parts.jdbc();
        store = parts.store();
        engine = new PostgresSearch(jdbc, new TransactionTemplate(new DataSourceTransactionManager(pool)));
    }

    @BeforeEach
    void empty() {
        jdbc.sql("DELETE FROM article").update();
    }

    @Test
    void aWordSpreadEvenlyGivesTheNewestMatchesFromTheWindowAlone() {
        // Every third article, two articles at each time, so the window's first date falls among equal dates.
        archive(400, n -> n % 3 == 0);

        assertSameAsWholeIndex("steady", ArticleFilter.ALL, DEPTH);
        ArticleFilter recent = new ArticleFilter(Set.of(), null, null, at(100), null);
        assertSameAsWholeIndex("steady", recent, DEPTH);
    }

    @Test
    void aWordRarerFurtherBackThanAmongTheNewestStillGivesTheNewestMatches() {
        // Half of the newest 20, then one in ten of the articles behind the window: the window holds 10 of 20.
        archive(400, n -> n >= 380 ? n % 2 == 0 : n < 300 && n % 10 == 0);

        assertSameAsWholeIndex("steady", ArticleFilter.ALL, DEPTH);
    }

    @Test
    void fewerMatchesInAllThanAskedForGivesEveryOne() {
        // 10 among the newest 20, 5 far behind the window: 15 in all, all of them found.
        archive(400, n -> n >= 380 ? n % 2 == 0 : n < 50 && n % 10 == 0);

        List<SearchHit> found = assertSameAsWholeIndex("steady", ArticleFilter.ALL, DEPTH);
        assertThat(found).hasSize(15);
    }

    /**
     * Articles 0 (oldest) to {@code count - 1} (newest), two at each time, those chosen holding the word "steady"
     * in the title; then the planner's statistics, as autovacuum keeps them.
     */
    private static void archive(int count, IntPredicate holdsTheWord) {
        List<NewArticle> items = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            String title = (holdsTheWord.test(n) ? "Steady HER2 note " : "HER2 note ") + n;
            items.add(SearchContract.item("w" + n, title, "Summary of note " + n + ".", at(n).toString()));
        }
        store.saveFeed("search", items);
        jdbc.sql("ANALYZE article_search").update();
    }

    private static Instant at(int n) {
        return START.plusSeconds(n / 2 * 3600L);
    }

    /** Asserts the window plan is taken and gives what the GIN index alone gives; returns those matches. */
    private static List<SearchHit> assertSameAsWholeIndex(String words, ArticleFilter filter, int depth) {
        assertThat(engine.plan(words, filter, depth)).isEqualTo(PostgresSearch.Plan.WINDOW);
        List<SearchHit> expected = wholeIndex(words, filter, depth);
        List<SearchHit> found = new ArrayList<>(engine.matches(words, filter, depth));
        found.sort(SearchHit.ORDER);
        assertThat(found).containsExactlyElementsOf(expected);
        assertThat(found).hasSize(Math.min(depth, matchesInAll(words, filter)));
        return found;
    }

    /** The newest {@code depth} matches of every published article, ranked, as one plain query finds them. */
    private static List<SearchHit> wholeIndex(String words, ArticleFilter filter, int depth) {
        List<SearchHit> hits = new ArrayList<>(jdbc.sql("SELECT id, sort_at, ts_rank(search, plainto_tsquery("
                        + "'her2_search', :words)) FROM article_search WHERE search @@ plainto_tsquery('her2_search',"
                        + " :words) AND sort_at >= :since ORDER BY sort_at DESC, id DESC LIMIT :depth")
                .param("words", words)
                .param("since", since(filter))
                .param("depth", depth)
                .query((rs, n) -> new SearchHit(
                        rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getFloat(3)))
                .list());
        hits.sort(SearchHit.ORDER);
        return hits;
    }

    private static int matchesInAll(String words, ArticleFilter filter) {
        return jdbc.sql("SELECT COUNT(*) FROM article_search WHERE search @@ plainto_tsquery('her2_search', :words)"
                        + " AND sort_at >= :since")
                .param("words", words)
                .param("since", since(filter))
                .query(Integer.class)
                .single();
    }

    private static OffsetDateTime since(ArticleFilter filter) {
        return (filter.since() == null ? Instant.EPOCH : filter.since()).atOffset(java.time.ZoneOffset.UTC);
    }
}
