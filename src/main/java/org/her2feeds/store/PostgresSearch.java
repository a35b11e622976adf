package org.her2feeds.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL's full-text search over {@code article_search} (migration V11: one narrow row per published article,
 * kept by a trigger): the title weighs A, the summary B, words are stemmed by the {@code her2_search}
 * configuration, and ts_rank scores each match. The newest matches are taken first (along the GIN index for rare
 * words, along the date index for common ones, as the planner judges). The table is aliased {@code a}, with the
 * article's {@code id} and {@code sort_at}, so the list's other conditions apply to it unchanged.
 */
final class PostgresSearch implements SearchEngine {

    private final JdbcClient jdbc;

    PostgresSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<SearchHit> matches(String words, ArticleFilter filter, int depth) {
        Map<String, Object> params = new HashMap<>();
        params.put("words", words);
        // Ranked outside the newest matches' subquery: ts_rank reads each match's whole vector, so only the
        // depth that is kept is scored, not every article a common word matches.
        StringBuilder sql = new StringBuilder(
                "SELECT m.id, m.sort_at, ts_rank(m.search, plainto_tsquery('her2_search', :words)) FROM (");
        if (filter.topics().size() == 1) {
            // As for the plain list: a common word within one topic walks that topic's index newest first, where a
            // test of every article of the topic would read them all.
            sql.append("SELECT a.id, a.sort_at, a.search FROM article_topic t"
                    + " JOIN article_search a ON a.id = t.article_id"
                    + " WHERE t.slug = :onlyTopic AND a.search @@ plainto_tsquery('her2_search', :words)");
            params.put("onlyTopic", filter.topics().iterator().next());
            ArticleQueries.appendFilter(filter.withoutTopics(), sql, params);
            sql.append(" ORDER BY t.sort_at DESC, t.article_id DESC");
        } else {
            sql.append("SELECT a.id, a.sort_at, a.search FROM article_search a"
                    + " WHERE a.search @@ plainto_tsquery('her2_search', :words)");
            ArticleQueries.appendFilter(filter, sql, params);
            sql.append(" ORDER BY a.sort_at DESC, a.id DESC");
        }
        sql.append(" FETCH FIRST ").append(Math.max(0, depth)).append(" ROWS ONLY) m");
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new SearchHit(rs.getString(1), Timestamps.read(rs, 2), rs.getFloat(3)))
                .list();
    }
}
