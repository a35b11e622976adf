package org.her2feeds.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * The {@code source_item} table: per source, the raw fingerprints of the entries its last feeds were stored from.
 * A source's rows are bounded by its feed's length: those the feed no longer carries are pruned when it is stored.
 */
final class SourceItems {

    /** One entry's fingerprint and the article it was stored as. */
    record Row(String fingerprint, String articleId) {}

    private static final String SAME_FEED = """
            SELECT f.entries, f.ttl_minutes, f.items,
                (SELECT COUNT(*) FROM source_item i WHERE i.source_id = f.source_id)
            FROM source_feed f WHERE f.source_id = :source AND f.fingerprint = :fingerprint""";

    private final NamedParameterJdbcTemplate named;

    SourceItems(NamedParameterJdbcTemplate named) {
        this.named = named;
    }

    /**
     * How many entries the document with this fingerprint held, when it is the one the source's feed was last
     * stored from and every row that storing left is still there; empty otherwise.
     */
    Optional<StoredFeed> sameFeed(String sourceId, String fingerprint) {
        MapSqlParameterSource values =
                new MapSqlParameterSource("source", sourceId).addValue("fingerprint", fingerprint);
        List<Optional<StoredFeed>> recorded = named.query(
                SAME_FEED,
                values,
                (rs, row) -> rs.getInt(3) == rs.getInt(4)
                        ? Optional.of(new StoredFeed(rs.getInt(1), rs.getObject(2, Integer.class)))
                        : Optional.empty());
        return recorded.isEmpty() ? Optional.empty() : recorded.get(0);
    }

    /** Records the document a source's feed was stored from, with its entries and the source's rows now. */
    void rememberFeed(String sourceId, String fingerprint, StoredFeed feed) {
        MapSqlParameterSource values = new MapSqlParameterSource("source", sourceId)
                .addValue("fingerprint", fingerprint)
                .addValue("entries", feed.entries())
                .addValue("ttl", feed.ttlMinutes());
        String rows = "(SELECT COUNT(*) FROM source_item WHERE source_id = :source)";
        int updated = named.update(
                "UPDATE source_feed SET fingerprint = :fingerprint, entries = :entries, ttl_minutes = :ttl, items = "
                        + rows + " WHERE source_id = :source",
                values);
        if (updated == 0) {
            named.update(
                    "INSERT INTO source_feed (source_id, fingerprint, entries, ttl_minutes, items) SELECT :source, "
                            + ":fingerprint, :entries, :ttl, " + rows + " ON CONFLICT DO NOTHING",
                    values);
        }
    }

    /** Forgets the document a source's feed was stored from: the next fetch reads it in full. */
    void forgetFeed(String sourceId) {
        named.update(
                "DELETE FROM source_feed WHERE source_id = :source", new MapSqlParameterSource("source", sourceId));
    }

    /** One indexed read of the source's rows (the primary key starts with the source). */
    KnownItems known(String sourceId, Collection<String> current) {
        Map<String, String> recorded = new HashMap<>();
        named.query(
                "SELECT fingerprint, article_id FROM source_item WHERE source_id = :source",
                new MapSqlParameterSource("source", sourceId),
                rs -> {
                    recorded.put(rs.getString(1), rs.getString(2));
                });
        if (recorded.isEmpty()) {
            return KnownItems.NONE;
        }
        Set<String> wanted = new HashSet<>(current);
        Map<String, String> known = new HashMap<>();
        Set<String> stale = new HashSet<>();
        recorded.forEach((fingerprint, article) -> {
            if (wanted.contains(fingerprint)) {
                known.put(fingerprint, article);
            } else {
                stale.add(fingerprint);
            }
        });
        return new KnownItems(known, stale);
    }

    /** Records rows (in fingerprint order: one lock order) and forgets the stale ones, in the caller's transaction. */
    void record(String sourceId, Collection<Row> rows, Collection<String> stale) {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(Row::fingerprint));
        if (!sorted.isEmpty()) {
            named.batchUpdate(
                    """
                    INSERT INTO source_item (source_id, fingerprint, article_id) VALUES (:source, :fingerprint, :id)
                    ON CONFLICT DO NOTHING""",
                    sorted.stream()
                            .map(row -> new MapSqlParameterSource()
                                    .addValue("source", sourceId)
                                    .addValue("fingerprint", row.fingerprint())
                                    .addValue("id", row.articleId()))
                            .toArray(SqlParameterSource[]::new));
        }
        if (!stale.isEmpty()) {
            named.batchUpdate(
                    "DELETE FROM source_item WHERE source_id = :source AND fingerprint = :fingerprint",
                    stale.stream()
                            .sorted()
                            .map(fingerprint -> new MapSqlParameterSource()
                                    .addValue("source", sourceId)
                                    .addValue("fingerprint", fingerprint))
                            .toArray(SqlParameterSource[]::new));
        }
    }
}
