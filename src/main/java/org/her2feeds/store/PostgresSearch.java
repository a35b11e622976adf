package org.her2feeds.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL's full-text search over the {@code article.search} column (migration V11): the title weighs A, the
 * summary B, words are stemmed by the {@code her2_search} configuration, and ts_rank scores each match. The newest
 * matches are taken first (along the GIN index for rare words, along the published order for common ones, as the
 * planner judges), so a word found in every article costs no more than one found in a thousand.
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
        StringBuilder sql = new StringBuilder("""
                SELECT m.id, m.sort_at, ts_rank(m.search, plainto_tsquery('her2_search', :words)) FROM (
                SELECT a.id, a.sort_at, a.search FROM article a
                WHERE a.relevant = TRUE AND a.search @@ plainto_tsquery('her2_search', :words)""");
        ArticleQueries.appendFilter(filter, sql, params);
        sql.append(" ORDER BY a.sort_at DESC, a.id DESC FETCH FIRST ")
                .append(Math.max(0, depth))
                .append(" ROWS ONLY) m");
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new SearchHit(rs.getString(1), Timestamps.read(rs, 2), rs.getFloat(3)))
                .list();
    }
}
