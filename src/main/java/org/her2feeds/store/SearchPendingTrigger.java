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
 * its date, its tagging: the topics and evidence a search filters on) changed in {@code search_pending}, inside
 * the writing transaction; {@link LuceneSearch} takes the notes in. Every write path (new articles, updates,
 * merges, re-evaluation, purge, deletion) passes here, so none needs code of its own. H2 creates it (migration
 * V11 of db/vendor/h2).
 */
public final class SearchPendingTrigger implements Trigger {

    private static final List<String> WATCHED =
            List.of("id", "title", "summary_text", "relevant", "sort_at", "tagging");

    private final int[] columns = new int[WATCHED.size()];

    @Override
    public void init(Connection conn, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        try (ResultSet rs = conn.getMetaData().getColumns(null, schema, table, null)) {
            while (rs.next()) {
                int index = WATCHED.indexOf(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                if (index >= 0) {
                    columns[index] = rs.getInt("ORDINAL_POSITION") - 1;
                }
            }
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (!published(oldRow) && !published(newRow)) {
            return;
        }
        if (oldRow != null && newRow != null && unchanged(oldRow, newRow)) {
            return;
        }
        Object id = (newRow != null ? newRow : oldRow)[columns[0]];
        try (PreparedStatement insert = conn.prepareStatement("INSERT INTO search_pending (article_id) VALUES (?)")) {
            insert.setObject(1, id);
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
