package org.her2feeds.store;

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
 * <p>The newest {@code depth} matches are found by one of two plans, chosen by how common the words are among the
 * newest articles (the planner's guess of a word's frequency chooses between them too, and misses: two words that
 * are each common but rarely together look rare to it, and the GIN plan for a common word reads every match):
 *
 * <ul>
 *   <li>held by at least a quarter of them: the date index is walked until {@code depth} matches, which reads at
 *       most four times {@code depth} articles;
 *   <li>otherwise: the GIN index gives every match, read in the table's order (a bitmap scan, a few microseconds a
 *       match), and the newest are kept; a quarter of the archive at most, and far less for a drug or a rare word.
 * </ul>
 */
final class PostgresSearch implements SearchEngine {

    /** The newest articles tested to measure how common the words are: depth over this, and at least 20. */
    private static final int SAMPLE_SHARE = 5;
    /** From this share of the sample matching, the date index is walked. */
    private static final double COMMON = 0.25;

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
        // Ranked outside the subqueries: ts_rank reads each match's whole vector, so only what is kept is scored.
        jdbc.sql("WITH tested AS MATERIALIZED (SELECT a.id, " + rows.date() + " AS sort_at, a.search" + rows.from()
                        + rows.order() + " FETCH FIRST " + sample + " ROWS ONLY)"
                        + " SELECT id, sort_at, ts_rank(search, plainto_tsquery('her2_search', :words)), 0 FROM tested"
                        + " WHERE search @@ plainto_tsquery('her2_search', :words)"
                        + " UNION ALL SELECT NULL, NULL, CAST(0 AS REAL), COUNT(*) FROM tested")
                .params(params)
                .query(rs -> {
                    String id = rs.getString(1);
                    if (id != null) {
                        hits.add(new SearchHit(id, Timestamps.read(rs, 2), rs.getFloat(3)));
                    } else {
                        tested[0] = rs.getLong(4);
                    }
                });
        if (hits.size() >= depth || tested[0] < sample) {
            // Enough, or every article the filter allows was tested: the newest depth of them.
            hits.sort(Comparator.comparing(SearchHit::sortAt)
                    .thenComparing(SearchHit::id)
                    .reversed());
            return hits.size() > depth ? List.copyOf(hits.subList(0, depth)) : hits;
        }
        if ((double) hits.size() / sample >= COMMON) {
            return walk(rows, params, depth, (int) Math.ceil(depth / COMMON));
        }
        return fromIndex(rows, params, depth);
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
        return found.size() >= depth ? found : fromIndex(rows, params, depth);
    }

    /** Along the GIN index: every match, of which the newest {@code depth}. */
    private List<SearchHit> fromIndex(Rows rows, Map<String, Object> params, int depth) {
        return jdbc.sql("SELECT m.id, m.sort_at, ts_rank(m.search, plainto_tsquery('her2_search', :words)) FROM ("
                        + "SELECT a.id, " + rows.date() + " AS sort_at, a.search" + rows.from()
                        + " AND a.search @@ plainto_tsquery('her2_search', :words)" + rows.order() + " FETCH FIRST "
                        + depth + " ROWS ONLY) m")
                .params(params)
                .query((rs, n) -> new SearchHit(rs.getString(1), Timestamps.read(rs, 2), rs.getFloat(3)))
                .list();
    }
}
