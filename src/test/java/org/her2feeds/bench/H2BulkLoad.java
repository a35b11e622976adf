package org.her2feeds.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A benchmark fixture, not what ingest does: fills the embedded database's archive in minutes where the service's
 * own writes would take hours, and leaves the tables, their indexes and the search index as the service keeps them.
 *
 * <ul>
 *   <li>The search triggers (V11, V13 of db/vendor/h2) are off during the fill, then put back as the migrations
 *       create them, and every published article is noted for the index, as the service does when it builds a
 *       missing index: the first search indexes them through the service's own catch-up. With the triggers on, every
 *       row written costs a call into Java and a note, which ingest pays but a fixture need not.
 *   <li>The plain indexes of the archive's tables (those no constraint owns: dates, days, topics' order, sources,
 *       the article id) are dropped and built again once, from their own definitions: each row written otherwise
 *       went to a random place in most of them, and building an index sorts.
 *   <li>H2's cache (16 MB) is larger during the fill and set back after (the setting is the database's, not the
 *       connection's): the indexes that stay are read throughout, and the primary keys of the key hashes and (rows
 *       being written in the order of first sight) of the article ids at random places.
 * </ul>
 */
final class H2BulkLoad {

    private static final List<String> TABLES = List.of("article", "article_key", "article_source", "article_topic");
    /** In KB; well within the benchmark's heap (-Xmx1g), with the rows of a batch beside it. */
    private static final int FILL_CACHE_KB = 256 * 1024;

    private H2BulkLoad() {}

    /**
     * Adds {@code count} articles numbered from {@code first} in the order the service would first have seen them
     * (its cache, large during the fill, takes the id-led indexes' random inserts); returns the seconds it took,
     * indexes rebuilt.
     */
    static double fill(JdbcTemplate jdbc, ArchiveFiller filler, long first, long count, String label) {
        long started = System.nanoTime();
        Map<String, String> indexes = plainIndexes(jdbc);
        int cacheKb = jdbc.queryForObject(
                        "SELECT setting_value FROM information_schema.settings WHERE setting_name = "
                                + "'info.CACHE_MAX_SIZE'",
                        Integer.class)
                * 1024;
        jdbc.execute("DROP TRIGGER IF EXISTS article_search_pending");
        jdbc.execute("DROP TRIGGER IF EXISTS article_source_search_pending");
        indexes.keySet().forEach(name -> jdbc.execute("DROP INDEX " + name));
        jdbc.execute("SET CACHE_SIZE " + FILL_CACHE_KB);
        try {
            filler.fill(first, count, label, ArchiveFiller.WriteOrder.FIRST_SEEN);
        } finally {
            long building = System.nanoTime();
            indexes.values().forEach(jdbc::execute);
            System.out.printf(
                    Locale.ROOT,
                    "  %s: %d indexes built again (%.0f s)%n",
                    label,
                    indexes.size(),
                    (System.nanoTime() - building) / 1e9);
            jdbc.execute("SET CACHE_SIZE " + cacheKb);
            jdbc.execute("CREATE TRIGGER article_search_pending AFTER INSERT, UPDATE, DELETE ON article FOR EACH ROW"
                    + " CALL 'org.her2feeds.store.SearchPendingTrigger'");
            jdbc.execute("CREATE TRIGGER article_source_search_pending AFTER INSERT, UPDATE, DELETE ON article_source"
                    + " FOR EACH ROW CALL 'org.her2feeds.store.SearchPendingTrigger'");
            jdbc.execute("DELETE FROM search_pending");
            jdbc.execute("INSERT INTO search_pending (article_id) SELECT id FROM article WHERE relevant = TRUE");
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /**
     * The statement creating each plain index of the archive's tables, by name, from the database's own description
     * of it. An index with a descending or otherwise unusual column stays in place rather than being rebuilt wrong.
     */
    private static Map<String, String> plainIndexes(JdbcTemplate jdbc) {
        Map<String, String> table = new LinkedHashMap<>();
        Map<String, List<String>> columns = new LinkedHashMap<>();
        Map<String, Boolean> plain = new LinkedHashMap<>();
        jdbc.query("""
                SELECT i.table_name, i.index_name, c.column_name, c.ordering_specification
                FROM information_schema.indexes i
                JOIN information_schema.index_columns c
                    ON c.index_schema = i.index_schema AND c.index_name = i.index_name
                WHERE i.table_schema = 'public' AND i.index_type_name = 'INDEX'
                    AND NOT EXISTS (SELECT 1 FROM information_schema.table_constraints k
                        WHERE k.table_schema = i.table_schema AND k.index_name = i.index_name)
                ORDER BY i.index_name, c.ordinal_position""", rs -> {
            String name = rs.getString(2);
            if (!TABLES.contains(rs.getString(1))) {
                return;
            }
            table.put(name, rs.getString(1));
            columns.computeIfAbsent(name, n -> new ArrayList<>()).add(rs.getString(3));
            plain.merge(name, "ASC".equals(rs.getString(4)), Boolean::logicalAnd);
        });
        Map<String, String> statements = new LinkedHashMap<>();
        table.forEach((name, on) -> {
            if (plain.get(name)) {
                statements.put(
                        name, "CREATE INDEX " + name + " ON " + on + " (" + String.join(", ", columns.get(name)) + ")");
            }
        });
        return statements;
    }
}
