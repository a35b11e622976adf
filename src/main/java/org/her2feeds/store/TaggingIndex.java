package org.her2feeds.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.her2feeds.tagging.Evidence;
import org.her2feeds.tagging.TaggingResult;
import org.her2feeds.tagging.TopicTag;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * The {@code article_topic} and {@code article_entity} rows: indexes derived from the tagging. The article's
 * {@code tagging} JSON is the source of truth (the decision with its explanation: term hits, discounted mentions,
 * the evidence); these rows repeat only the published topics of relevant articles, with the filing time, and their
 * publication type, trials and drugs as filter keys ({@link Evidence#keys()}), so that a topic feed or a
 * {@code ?drug=} filter is an index probe instead of a scan of every article's JSON. They are only ever written
 * from a tagging result, in the transaction that writes that result, so the two cannot disagree.
 */
final class TaggingIndex {

    /** The tagging an article is stored with, and its filing time. */
    record Entry(String articleId, TaggingResult tagging, Instant sortAt) {}

    /** The {@code article_entity.entity} column; a longer key (a pathological DOI) cannot be a filter's answer. */
    private static final int ENTITY_LENGTH = 200;

    private final NamedParameterJdbcTemplate named;

    TaggingIndex(NamedParameterJdbcTemplate named) {
        this.named = named;
    }

    /** Indexes articles that have no rows yet (inserted in this transaction). */
    void add(List<Entry> entries) {
        List<SqlParameterSource> rows = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.tagging().relevant()) {
                for (TopicTag topic : entry.tagging().topics()) {
                    rows.add(new MapSqlParameterSource()
                            .addValue("slug", topic.slug())
                            .addValue("id", entry.articleId())
                            .addValue("sortAt", Timestamps.of(entry.sortAt())));
                }
            }
        }
        List<SqlParameterSource> entities = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.tagging().evidence() == null) {
                continue;
            }
            boolean published = entry.tagging().relevant();
            entry.tagging().evidence().keys().forEach((kind, keys) -> {
                // A notice is kept for whatever it concerns, even when it does not read as a HER2 article itself.
                if (published || Evidence.keptForEveryArticle(kind)) {
                    keys.stream()
                            .filter(key -> key.length() <= ENTITY_LENGTH)
                            .forEach(key -> entities.add(new MapSqlParameterSource()
                                    .addValue("kind", kind)
                                    .addValue("entity", key)
                                    .addValue("id", entry.articleId())));
                }
            });
        }
        if (!entities.isEmpty()) {
            named.batchUpdate(
                    "INSERT INTO article_entity (kind, entity, article_id) VALUES (:kind, :entity, :id) "
                            + "ON CONFLICT DO NOTHING",
                    entities.toArray(SqlParameterSource[]::new));
        }
        if (!rows.isEmpty()) {
            named.batchUpdate(
                    "INSERT INTO article_topic (slug, article_id, sort_at) VALUES (:slug, :id, :sortAt) ON CONFLICT "
                            + "DO NOTHING",
                    rows.toArray(SqlParameterSource[]::new));
        }
    }

    /** Re-indexes articles whose tagging or filing time was written again. */
    void replace(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        SqlParameterSource[] ids = entries.stream()
                .map(entry -> new MapSqlParameterSource("id", entry.articleId()))
                .toArray(SqlParameterSource[]::new);
        named.batchUpdate("DELETE FROM article_topic WHERE article_id = :id", ids);
        named.batchUpdate("DELETE FROM article_entity WHERE article_id = :id", ids);
        add(entries);
    }
}
