package org.her2feeds.store;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Interim: the former LIKE scan, unranked. */
final class ScanSearch implements SearchEngine {

    private final JdbcClient jdbc;

    ScanSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<SearchHit> matches(String words, ArticleFilter filter, int depth) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder("SELECT a.id, a.sort_at FROM article a WHERE a.relevant = TRUE");
        sql.append(" AND (LOWER(a.title) LIKE :text ESCAPE '\\' OR LOWER(a.summary_text) LIKE :text ESCAPE '\\')");
        String escaped = words.trim()
                .toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        params.put("text", "%" + escaped + "%");
        ArticleQueries.appendFilter(filter, sql, params);
        sql.append(" ORDER BY a.sort_at DESC, a.id DESC FETCH FIRST ")
                .append(depth)
                .append(" ROWS ONLY");
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new SearchHit(rs.getString(1), Timestamps.read(rs, 2), 0f))
                .list();
    }
}
