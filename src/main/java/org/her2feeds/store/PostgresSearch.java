package org.her2feeds.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL's full-text search over {@code article_search} (migration V11: one narrow row per published article,
 * kept by a trigger): the title weighs A, the summary B, words are stemmed by the {@code her2_search}
 * configuration, and ts_rank scores each match. The table is aliased {@code a}, with the article's {@code id} and
 * {@code sort_at}, so the list's other conditions apply to it unchanged.
 *
 * <p>The newest {@code depth} matches are found at a cost bounded by a few times {@code depth} rows read, whatever
 * the word. The GIN index alone reads every match (all of a common word's, to keep the newest), and the date index
 * alone reads every article down to the {@code depth}-th match (all of them for a rare word); the planner's guess of
 * a word's frequency chooses between them, and misses (two words that are each common but rarely together). So a
 * search first measures how common the words are among the newest articles, then:
 *
 * <ul>
 *   <li>held by most of them: walks the date index until {@code depth} matches (at most twice depth articles);
 *   <li>held by none of them: a rare word, whose matches the GIN index finds over the whole archive;
 *   <li>in between: takes from the GIN index the matches since the date where {@code depth} of them are expected,
 *       by that measure (the planner intersects the GIN and date indexes, so only rows in both are read), in windows
 *       that widen until {@code depth} are found, then the whole archive.
 * </ul>
 */
final class PostgresSearch implements SearchEngine {

    /** The newest articles tested to measure how common the words are: depth over this, and at least 20. */
    private static final int SAMPLE_SHARE = 5;
    /** From this share of the sample matching, the date index is walked. */
    private static final double COMMON = 0.5;
    /** How many more matches than needed a window is sized for. */
    private static final double MARGIN = 1.5;
    /** How much wider each next window is. */
    private static final int WIDER = 4;

    private static final int WINDOWS = 3;
    /** A window reaching further back than this is the whole archive. */
    private static final Instant OLDEST = Instant.parse("1970-01-01T00:00:00Z");

    private final JdbcClient jdbc;

    PostgresSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The articles a search considers, newest first, as SQL with its parameters and the date column to bound. */
    private record Rows(String from, String order, String date, Map<String, Object> params) {}

    private static Rows rows(ArticleFilter filter) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder from = new StringBuilder();
        if (filter.topics().size() == 1) {
            // As for the plain list: within one topic, walk that topic's index newest first, where a test of every
            // article of the topic would read them all.
            from.append(" FROM article_topic t JOIN article_search a ON a.id = t.article_id WHERE t.slug = :onlyTopic");
            params.put("onlyTopic", filter.topics().iterator().next());
            ArticleQueries.appendFilter(filter.withoutTopics(), from, params);
            return new Rows(from.toString(), " ORDER BY t.sort_at DESC, t.article_id DESC", "t.sort_at", params);
        }
        from.append(" FROM article_search a WHERE TRUE");
        ArticleQueries.appendFilter(filter, from, params);
        return new Rows(from.toString(), " ORDER BY a.sort_at DESC, a.id DESC", "a.sort_at", params);
    }

    @Override
    public List<SearchHit> matches(String words, ArticleFilter filter, int depth) {
        if (depth <= 0) {
            return List.of();
        }
        Rows rows = rows(filter);
        Map<String, Object> params = new HashMap<>(rows.params());
        params.put("words", words);
        int sample = Math.max(20, depth / SAMPLE_SHARE);
        List<SearchHit> hits = new ArrayList<>();
        long[] tested = new long[1];
        Instant[] span = new Instant[2];
        // Ranked outside the subqueries: ts_rank reads each match's whole vector, so only what is kept is scored.
        jdbc.sql("WITH tested AS MATERIALIZED (SELECT a.id, " + rows.date() + " AS sort_at, a.search" + rows.from()
                        + rows.order() + " FETCH FIRST " + sample + " ROWS ONLY)"
                        + " SELECT id, sort_at, ts_rank(search, plainto_tsquery('her2_search', :words)), 0,"
                        + " CAST(NULL AS TIMESTAMP WITH TIME ZONE) FROM tested"
                        + " WHERE search @@ plainto_tsquery('her2_search', :words)"
                        + " UNION ALL SELECT NULL, MIN(sort_at), CAST(0 AS REAL), COUNT(*), MAX(sort_at) FROM tested")
                .params(params)
                .query(rs -> {
                    String id = rs.getString(1);
                    if (id != null) {
                        hits.add(new SearchHit(id, Timestamps.read(rs, 2), rs.getFloat(3)));
                    } else {
                        tested[0] = rs.getLong(4);
                        span[0] = Timestamps.read(rs, 2);
                        span[1] = Timestamps.read(rs, 5);
                    }
                });
        if (hits.size() >= depth || tested[0] < sample) {
            // Enough, or every article the filter allows was tested: the newest depth of them.
            hits.sort(Comparator.comparing(SearchHit::sortAt)
                    .thenComparing(SearchHit::id)
                    .reversed());
            return hits.size() > depth ? List.copyOf(hits.subList(0, depth)) : hits;
        }
        double share = (double) hits.size() / sample;
        if (share >= COMMON) {
            return walk(rows, params, depth, (int) Math.ceil(depth / COMMON));
        }
        Instant since = null;
        if (!hits.isEmpty()) {
            // Articles per second among the newest, and the share that match: where depth matches should be.
            double seconds = Math.max(1, Duration.between(span[0], span[1]).toSeconds());
            since = span[1].minusSeconds((long) Math.min(seconds * depth * MARGIN / hits.size(), 1e11));
        }
        for (int window = 0; since != null && since.isAfter(OLDEST) && window < WINDOWS; window++) {
            List<SearchHit> found = fromIndex(rows, params, depth, since);
            if (found.size() >= depth) {
                return found;
            }
            since = span[1].minus(Duration.between(since, span[1]).multipliedBy(WIDER));
        }
        return fromIndex(rows, params, depth, null);
    }

    /** Along the date index: the newest matches among at most {@code articles} articles, stopping at depth. */
    private List<SearchHit> walk(Rows rows, Map<String, Object> params, int depth, int articles) {
        List<SearchHit> found = jdbc.sql("SELECT w.id, w.sort_at, ts_rank(w.search, plainto_tsquery('her2_search',"
                        + " :words)) FROM (SELECT a.id, " + rows.date() + " AS sort_at, a.search" + rows.from()
                        + rows.order() + " FETCH FIRST " + articles + " ROWS ONLY) w"
                        + " WHERE w.search @@ plainto_tsquery('her2_search', :words) FETCH FIRST " + depth
                        + " ROWS ONLY")
                .params(params)
                .query((rs, n) -> new SearchHit(rs.getString(1), Timestamps.read(rs, 2), rs.getFloat(3)))
                .list();
        // Fewer: the words were less common further back than among the newest.
        return found.size() >= depth ? found : fromIndex(rows, params, depth, null);
    }

    /** The newest {@code depth} matches, since a date or over the whole archive (null). */
    private List<SearchHit> fromIndex(Rows rows, Map<String, Object> params, int depth, Instant since) {
        Map<String, Object> all = new HashMap<>(params);
        StringBuilder sql = new StringBuilder("SELECT m.id, m.sort_at, ts_rank(m.search, plainto_tsquery('her2_search',"
                + " :words)) FROM (SELECT a.id, " + rows.date() + " AS sort_at, a.search" + rows.from()
                + " AND a.search @@ plainto_tsquery('her2_search', :words)");
        if (since != null) {
            sql.append(" AND ").append(rows.date()).append(" >= :windowStart");
            all.put("windowStart", Timestamps.of(since));
        }
        sql.append(rows.order()).append(" FETCH FIRST ").append(depth).append(" ROWS ONLY) m");
        return jdbc.sql(sql.toString())
                .params(all)
                .query((rs, n) -> new SearchHit(rs.getString(1), Timestamps.read(rs, 2), rs.getFloat(3)))
                .list();
    }
}
