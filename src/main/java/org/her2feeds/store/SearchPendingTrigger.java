package org.her2feeds.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.h2.api.Trigger;

/**
 * On the embedded database, notes every article whose searchable fields (title, summary, whether it is published,
 * its date, its tagging: the topics and evidence a search filters on; its sources, which a kind filter names)
 * changed in {@code search_pending}, inside the writing transaction; {@link LuceneSearch} takes the notes in. Every
 * write path (new articles, updates, merges, re-evaluation, purge, deletion, another source carrying an article)
 * passes here, so none needs code of its own. H2 creates it on {@code article} (migration V11 of db/vendor/h2) and
 * on {@code article_source} (V13).
 */
public final class SearchPendingTrigger implements Trigger {

    private static final List<String> WATCHED =
            List.of("id", "title", "summary_text", "relevant", "sort_at", "tagging");
    /** Of a row of {@code article_source}: the article, and the source that carried it. */
    private static final List<String> SOURCE_WATCHED = List.of("article_id", "source_id");

    private int[] columns;
    private boolean sources;

    @Override
    public void init(Connection conn, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        sources = "article_source".equalsIgnoreCase(table);
        List<String> watched = sources ? SOURCE_WATCHED : WATCHED;
        columns = new int[watched.size()];
        try (ResultSet rs = conn.getMetaData().getColumns(null, schema, table, null)) {
            while (rs.next()) {
                int index = watched.indexOf(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                if (index >= 0) {
                    columns[index] = rs.getInt("ORDINAL_POSITION") - 1;
                }
            }
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (oldRow != null && newRow != null && unchanged(oldRow, newRow)) {
            return;
        }
        if (sources) {
            // Noted whether or not the article is published: another transaction may be publishing it, uncommitted,
            // which a read of the article row here neither waits for nor sees; left unnoted, this source stayed out
            // of the index for good once the publication had been taken in. The index reads the article once this
            // note is visible (after this commit) and leaves it out if it is not published.
            if (newRow != null) {
                note(conn, newRow[columns[0]]);
            }
            if (oldRow != null && !Objects.equals(oldRow[columns[0]], newRow == null ? null : newRow[columns[0]])) {
                note(conn, oldRow[columns[0]]);
            }
            return;
        }
        if (published(oldRow) || published(newRow)) {
            note(conn, (newRow != null ? newRow : oldRow)[columns[0]]);
        }
    }

    private static void note(Connection conn, Object articleId) throws SQLException {
        try (PreparedStatement insert = conn.prepareStatement("INSERT INTO search_pending (article_id) VALUES (?)")) {
            insert.setObject(1, articleId);
            insert.executeUpdate();
        }
    }

    private boolean published(Object[] row) {
        return row != null && Boolean.TRUE.equals(row[columns[3]]);
    }

    private boolean unchanged(Object[] oldRow, Object[] newRow) {
        for (int column : columns) {
            if (!Objects.equals(oldRow[column], newRow[column])) {
                return false;
            }
        }
        return true;
    }
}
