package org.her2feeds.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.her2feeds.tagging.TaggableText;
import org.her2feeds.tagging.TaggingResult;
import org.her2feeds.tagging.TopicTag;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes articles. A feed is stored in one transaction, so a crash mid-feed leaves no partial article and the
 * next run stores the feed again. Look-ups go through the indexed identity keys in batches, so the cost per
 * item does not grow with the archive.
 */
@Component
public class ArticleStore {

    private static final int LOOKUP_CHUNK = 500;
    private static final int LOCK_CONFLICT_ATTEMPTS = 3;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final ZoneId zone;
    private final ArticleVersion version;
    private final java.time.Clock clock;

    public ArticleStore(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transactions, JsonMapper json,
            DigestZoneProperties digest, ArticleVersion version, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.transactions = transactions;
        this.json = json;
        this.zone = digest.zone();
        this.version = version;
        this.clock = clock;
    }

    /** Stores one fetched feed atomically; a second run of the same feed changes nothing. */
    public SaveSummary saveFeed(String sourceId, List<NewArticle> items) {
        Instant now = clock.instant();
        SaveSummary summary = writeRetryingLockConflicts(sourceId, items, now);
        if (summary.changedAnything()) {
            version.refresh();
        }
        return summary;
    }

    /**
     * Rows are locked in one global order (article id, key hash), so two instances storing overlapping feeds wait
     * for each other instead of deadlocking; should the database still pick this transaction as a deadlock victim,
     * the whole feed is written again, as nothing of the failed attempt was kept.
     */
    private SaveSummary writeRetryingLockConflicts(String sourceId, List<NewArticle> items, Instant now) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> write(sourceId, items, now));
            } catch (PessimisticLockingFailureException e) {
                if (attempt == LOCK_CONFLICT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private SaveSummary write(String sourceId, List<NewArticle> items, Instant now) {
        // One entry per distinct article in this feed: a feed that lists the same DOI twice stores it once.
        Map<String, Prepared> byFirstKey = new LinkedHashMap<>();
        Set<String> seenHashes = new HashSet<>();
        for (NewArticle item : items) {
            List<IdentityKey> keys = ArticleIdentity.keys(item);
            if (keys.stream().map(IdentityKey::hash).anyMatch(seenHashes::contains)) {
                continue;
            }
            keys.forEach(key -> seenHashes.add(key.hash()));
            byFirstKey.put(keys.get(0).hash(), new Prepared(item, keys, contentHash(item)));
        }
        Map<String, String> articleByKey = existingKeys(seenHashes);
        Map<String, Existing> existing = existingArticles(sourceId, new HashSet<>(articleByKey.values()));

        List<Prepared> added = new ArrayList<>();
        List<Prepared> updated = new ArrayList<>();
        List<Prepared> duplicates = new ArrayList<>();
        int unchanged = 0;
        for (Prepared prepared : byFirstKey.values()) {
            String articleId = prepared.keys.stream().map(key -> articleByKey.get(key.hash()))
                    .filter(Objects::nonNull).findFirst().orElse(null);
            if (articleId == null) {
                prepared.articleId = prepared.keys.get(0).articleId();
                added.add(prepared);
                continue;
            }
            prepared.articleId = articleId;
            Existing current = existing.get(articleId);
            if (current != null && current.ownedByThisSource && !current.contentHash.equals(prepared.contentHash)) {
                prepared.firstSeenAt = current.firstSeenAt;
                updated.add(prepared);
            } else if (current != null && current.fromThisSource) {
                // Unchanged, or another source's copy of the article is the one stored: nothing to do.
                unchanged++;
            } else {
                duplicates.add(prepared);
            }
            prepared.newKeys = prepared.keys.stream().filter(key -> !articleByKey.containsKey(key.hash())).toList();
        }
        added.sort(Comparator.comparing(prepared -> prepared.articleId));
        List<Prepared> lostRace = insertArticles(added, sourceId, now);
        added.removeAll(lostRace);
        duplicates.addAll(lostRace);
        updateArticles(updated, now);
        List<Prepared> keyed = new ArrayList<>(added);
        keyed.addAll(updated);
        keyed.addAll(duplicates);
        insertKeys(keyed);
        insertOrigins(added, sourceId, now);
        insertOrigins(duplicates, sourceId, now);
        insertTopics(added);
        deleteTopics(updated);
        insertTopics(updated);
        SaveSummary summary = new SaveSummary(added.size(), updated.size(), unchanged, duplicates.size());
        if (summary.changedAnything()) {
            bumpVersion();
        }
        return summary;
    }

    private Map<String, String> existingKeys(Set<String> hashes) {
        Map<String, String> found = new HashMap<>();
        for (List<String> chunk : chunks(new ArrayList<>(hashes))) {
            jdbc.sql("SELECT key_hash, article_id FROM article_key WHERE key_hash IN (:hashes)")
                    .param("hashes", chunk)
                    .query((rs, row) -> found.put(rs.getString(1), rs.getString(2))).list();
        }
        return found;
    }

    private Map<String, Existing> existingArticles(String sourceId, Set<String> ids) {
        Map<String, Existing> found = new HashMap<>();
        for (List<String> chunk : chunks(new ArrayList<>(ids))) {
            jdbc.sql("""
                    SELECT a.id, a.content_hash, a.first_seen_at, a.owner_source, s.source_id
                    FROM article a LEFT JOIN article_source s ON s.article_id = a.id AND s.source_id = :source
                    WHERE a.id IN (:ids)""")
                    .param("source", sourceId).param("ids", chunk)
                    .query((rs, row) -> found.put(rs.getString(1), new Existing(rs.getString(2),
                            rs.getObject(3, OffsetDateTime.class).toInstant(), sourceId.equals(rs.getString(4)),
                            rs.getString(5) != null)))
                    .list();
        }
        return found;
    }

    /**
     * Inserts new articles. Another feed (on this instance or another one) may have stored the same article a
     * moment ago: the insert then does nothing, and the item is returned to be recorded as a duplicate.
     */
    private List<Prepared> insertArticles(List<Prepared> added, String sourceId, Instant now) {
        if (added.isEmpty()) {
            return List.of();
        }
        int[] counts = batch.batchUpdate("""
                INSERT INTO article (id, title, url, summary_html, summary_text, authors, categories, doi, pmid,
                    published_at, first_seen_at, updated_at, sort_at, digest_date, relevant, tagging, content_hash,
                    description_text, content_text, owner_source)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                added.stream().map(prepared -> {
                    Object[] row = articleRow(prepared, now, now);
                    Object[] owned = java.util.Arrays.copyOf(row, row.length + 1);
                    owned[row.length] = sourceId;
                    return owned;
                }).toList());
        List<Prepared> lost = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                lost.add(added.get(i));
            }
        }
        return lost;
    }

    private void updateArticles(List<Prepared> updated, Instant now) {
        if (updated.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                UPDATE article SET title = ?, url = ?, summary_html = ?, summary_text = ?, authors = ?, categories = ?,
                    doi = ?, pmid = ?, published_at = ?, first_seen_at = ?, updated_at = ?, sort_at = ?, digest_date = ?,
                    relevant = ?, tagging = ?, content_hash = ?, description_text = ?, content_text = ?
                WHERE id = ?""",
                updated.stream().map(prepared -> {
                    Object[] row = articleRow(prepared, prepared.firstSeenAt, now);
                    Object[] shifted = new Object[row.length];
                    System.arraycopy(row, 1, shifted, 0, row.length - 1);
                    shifted[row.length - 1] = row[0];
                    return shifted;
                }).toList());
    }

    private Object[] articleRow(Prepared prepared, Instant firstSeenAt, Instant now) {
        NewArticle item = prepared.item;
        Instant published = usablePublicationDate(item.publishedAt(), now);
        Instant sortAt = published != null ? published : firstSeenAt;
        prepared.sortAt = sortAt;
        return new Object[] {prepared.articleId, item.title(), item.link(), item.summaryHtml(), item.summaryText(),
                json.writeValueAsString(item.authors()), json.writeValueAsString(item.categories()),
                ArticleIdentity.normaliseDoi(item.doi()), item.pmid(), Timestamps.of(published), Timestamps.of(firstSeenAt),
                Timestamps.of(now), Timestamps.of(sortAt), LocalDate.ofInstant(sortAt, zone), item.tagging().relevant(),
                json.writeValueAsString(item.tagging()), prepared.contentHash, item.descriptionText(), item.contentText()};
    }

    /** A date in the future is a feed's mistake (or a time-zone slip); the article is filed when first seen. */
    private static Instant usablePublicationDate(Instant publishedAt, Instant now) {
        return publishedAt == null || publishedAt.isAfter(now) ? null : publishedAt;
    }

    private void insertKeys(List<Prepared> prepared) {
        List<Object[]> rows = new ArrayList<>();
        for (Prepared p : prepared) {
            List<IdentityKey> keys = p.newKeys == null ? p.keys : p.newKeys;
            keys.forEach(key -> rows.add(new Object[] {key.hash(), key.kind(), p.articleId}));
        }
        rows.sort(Comparator.comparing(row -> (String) row[0]));
        if (!rows.isEmpty()) {
            batch.batchUpdate("INSERT INTO article_key (key_hash, key_kind, article_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", rows);
        }
    }

    private void insertOrigins(List<Prepared> prepared, String sourceId, Instant now) {
        if (prepared.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                INSERT INTO article_source (article_id, source_id, guid, link, first_seen_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                prepared.stream().map(p -> new Object[] {p.articleId, sourceId, p.item.guid(), p.item.link(), Timestamps.of(now)}).toList());
    }

    /** Only updated articles have topics to replace: an article inserted in this transaction has none yet. */
    private void deleteTopics(List<Prepared> prepared) {
        if (!prepared.isEmpty()) {
            batch.batchUpdate("DELETE FROM article_topic WHERE article_id = ?",
                    prepared.stream().map(p -> new Object[] {p.articleId}).toList());
        }
    }

    private void insertTopics(List<Prepared> prepared) {
        List<Object[]> rows = new ArrayList<>();
        for (Prepared p : prepared) {
            if (p.item.tagging().relevant()) {
                for (TopicTag topic : p.item.tagging().topics()) {
                    rows.add(new Object[] {topic.slug(), p.articleId, Timestamps.of(p.sortAt)});
                }
            }
        }
        if (!rows.isEmpty()) {
            batch.batchUpdate("INSERT INTO article_topic (slug, article_id, sort_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", rows);
        }
    }

    private void bumpVersion() {
        jdbc.sql("UPDATE store_meta SET long_value = long_value + 1 WHERE name = 'articles_version'").update();
    }

    /**
     * Re-evaluates every stored article with the current rules and re-files it under the current digest zone,
     * a page at a time. Articles stored as not relevant are included: new rules may make them relevant.
     *
     * @return how many articles changed
     */
    public int reevaluateAll(Function<TaggableText, TaggingResult> tagger) {
        int changed = 0;
        String after = "";
        while (true) {
            List<Row> page = jdbc.sql("""
                    SELECT id, title, description_text, content_text, categories, tagging, sort_at, digest_date FROM article
                    WHERE id > :after ORDER BY id FETCH FIRST 500 ROWS ONLY""")
                    .param("after", after)
                    .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant(),
                            rs.getObject(8, LocalDate.class)))
                    .list();
            if (page.isEmpty()) {
                break;
            }
            after = page.get(page.size() - 1).id();
            changed += transactions.execute(status -> reevaluatePage(page, tagger));
        }
        if (changed > 0) {
            transactions.executeWithoutResult(status -> bumpVersion());
            version.refresh();
        }
        return changed;
    }

    private int reevaluatePage(List<Row> page, Function<TaggableText, TaggingResult> tagger) {
        int changed = 0;
        for (Row row : page) {
            List<String> categories = json.readValue(row.categories(), new TypeReference<List<String>>() { });
            TaggingResult result = tagger.apply(new TaggableText(row.title(), row.descriptionText(), row.contentText(), categories));
            String tagging = json.writeValueAsString(result);
            LocalDate day = LocalDate.ofInstant(row.sortAt(), zone);
            if (tagging.equals(row.tagging()) && day.equals(row.digestDate())) {
                continue;
            }
            changed++;
            jdbc.sql("UPDATE article SET tagging = :tagging, relevant = :relevant, digest_date = :day, updated_at = :now WHERE id = :id")
                    .param("tagging", tagging).param("relevant", result.relevant()).param("day", day)
                    .param("now", Timestamps.of(clock.instant())).param("id", row.id()).update();
            jdbc.sql("DELETE FROM article_topic WHERE article_id = :id").param("id", row.id()).update();
            if (result.relevant()) {
                for (TopicTag topic : result.topics()) {
                    jdbc.sql("INSERT INTO article_topic (slug, article_id, sort_at) VALUES (:slug, :id, :sortAt)")
                            .param("slug", topic.slug()).param("id", row.id()).param("sortAt", Timestamps.of(row.sortAt())).update();
                }
            }
        }
        return changed;
    }

    private String contentHash(NewArticle item) {
        return IdentityKey.sha256Hex(String.join("\u0000", String.valueOf(item.title()), String.valueOf(item.link()),
                String.valueOf(item.summaryHtml()), String.valueOf(item.publishedAt()), String.valueOf(item.doi()),
                String.valueOf(item.pmid()), item.contentText(), json.writeValueAsString(item.authors()),
                json.writeValueAsString(item.categories()), json.writeValueAsString(item.tagging())));
    }


    private static <T> List<List<T>> chunks(List<T> values) {
        List<List<T>> chunks = new ArrayList<>();
        for (int start = 0; start < values.size(); start += LOOKUP_CHUNK) {
            chunks.add(values.subList(start, Math.min(values.size(), start + LOOKUP_CHUNK)));
        }
        return chunks;
    }

    private static final class Prepared {
        final NewArticle item;
        final List<IdentityKey> keys;
        final String contentHash;
        String articleId;
        Instant firstSeenAt;
        Instant sortAt;
        List<IdentityKey> newKeys;

        Prepared(NewArticle item, List<IdentityKey> keys, String contentHash) {
            this.item = item;
            this.keys = keys;
            this.contentHash = contentHash;
        }
    }

    private record Existing(String contentHash, Instant firstSeenAt, boolean ownedByThisSource, boolean fromThisSource) {
    }

    private record Row(String id, String title, String descriptionText, String contentText, String categories,
            String tagging, Instant sortAt,
            LocalDate digestDate) {
    }

}
