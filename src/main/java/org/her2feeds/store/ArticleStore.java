package org.her2feeds.store;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.her2feeds.sources.SourceKind;
import org.her2feeds.tagging.TaggableText;
import org.her2feeds.tagging.TaggingResult;
import org.her2feeds.tagging.TopicTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedRuntimeException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes articles. A feed is stored in one transaction, so a crash mid-feed leaves no partial article and the
 * next run stores the feed again. Look-ups go through the indexed identity keys in batches, so the cost per
 * item does not grow with the archive.
 *
 * <p>No item can cost a source its others: every value is bounded to its column first ({@link ColumnLimits}),
 * and should the database still refuse the feed's data, the feed is stored item by item and only the items it
 * refuses are rejected (logged with their reason and counted).
 */
@Component
public class ArticleStore {

    private static final Logger log = LoggerFactory.getLogger(ArticleStore.class);
    private static final int LOOKUP_CHUNK = 500;
    private static final int LOCK_CONFLICT_ATTEMPTS = 3;
    private static final int LOGGED_VALUE = 200;

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

    /** Stores one fetched feed of a source of no stated kind; see {@link #saveFeed(String, SourceKind, List)}. */
    public SaveSummary saveFeed(String sourceId, List<NewArticle> items) {
        return saveFeed(sourceId, null, items);
    }

    /**
     * Stores one fetched feed atomically; a second run of the same feed changes nothing.
     *
     * @param kind the kind of publisher the source is (null when not stated): decides whose copy of an article
     *             carried by several sources is shown ({@link CopyAuthority})
     */
    public SaveSummary saveFeed(String sourceId, SourceKind kind, List<NewArticle> items) {
        Instant now = clock.instant();
        List<Candidate> candidates = new ArrayList<>(items.size());
        int rejected = 0;
        int bounded = 0;
        for (NewArticle item : items) {
            ColumnLimits.Bounded storable = ColumnLimits.article(item, json);
            if (storable.rejection() != null) {
                logRejected(sourceId, item, storable.rejection());
                rejected++;
                continue;
            }
            if (!storable.changes().isEmpty()) {
                bounded++;
            }
            // Identity from what the feed said (a long GUID keeps its full value, hashed); storage from the bounded form.
            candidates.add(new Candidate(storable.stored(), ArticleIdentity.keys(item), contentHash(storable.stored()),
                    item, storable.changes()));
        }
        List<Candidate> distinct = distinctArticles(candidates);
        SaveSummary summary;
        try {
            summary = writeRetryingLockConflicts(sourceId, kind, distinct, now);
        } catch (DataIntegrityViolationException | JacksonException | DateTimeException e) {
            log.warn("source={} the database refused the feed's data ({}); storing its {} articles one by one",
                    sourceId, reason(e), distinct.size());
            summary = itemByItem(sourceId, kind, distinct, now);
        }
        summary = summary.plus(new SaveSummary(0, 0, 0, 0, rejected, bounded));
        if (summary.changedAnything()) {
            version.refresh();
        }
        return summary;
    }

    /**
     * One entry per distinct article in this feed: a feed that lists the same DOI twice stores it once. Two items
     * with different GUIDs that share only a link (a section page given as every item's link) are two articles.
     */
    private static List<Candidate> distinctArticles(List<Candidate> candidates) {
        Map<String, Candidate> byHash = new HashMap<>();
        List<Candidate> distinct = new ArrayList<>(candidates.size());
        for (Candidate candidate : candidates) {
            List<IdentityKey> colliding = candidate.keys().stream().filter(key -> byHash.containsKey(key.hash())).toList();
            if (!colliding.isEmpty() && candidate.hasGuid() && colliding.stream()
                    .allMatch(key -> "link".equals(key.kind()) && byHash.get(key.hash()).hasGuid())) {
                candidate = candidate.withoutLinkKey();
                colliding = List.of();
            }
            if (!colliding.isEmpty()) {
                continue;
            }
            for (IdentityKey key : candidate.keys()) {
                byHash.put(key.hash(), candidate);
            }
            distinct.add(candidate);
        }
        return distinct;
    }

    /**
     * The fallback when the database refuses a feed's data despite the bounds: each article in a transaction of
     * its own, so one the database refuses is rejected alone. A crash meanwhile leaves the articles stored so far,
     * each whole; the next run stores the rest.
     */
    private SaveSummary itemByItem(String sourceId, SourceKind kind, List<Candidate> candidates, Instant now) {
        SaveSummary total = SaveSummary.NOTHING;
        for (Candidate candidate : candidates) {
            try {
                total = total.plus(writeRetryingLockConflicts(sourceId, kind, List.of(candidate), now));
            } catch (DataIntegrityViolationException | JacksonException | DateTimeException e) {
                logRejected(sourceId, candidate.given(), reason(e));
                total = total.plus(new SaveSummary(0, 0, 0, 0, 1, 0));
            }
        }
        return total;
    }

    /** What bounding changed, logged when the bounded copy is written (not at every fetch of an unchanged feed). */
    private static void logBounded(String sourceId, List<Prepared> written) {
        for (Prepared p : written) {
            if (!p.changes.isEmpty()) {
                log.info("source={} item stored bounded to fit its columns: guid=\"{}\" link=\"{}\" {}", sourceId,
                        shown(p.given.guid()), shown(p.given.link()), p.changes);
            }
        }
    }

    private static void logRejected(String sourceId, NewArticle item, String reason) {
        log.warn("source={} item rejected: guid=\"{}\" link=\"{}\" reason=\"{}\"", sourceId, shown(item.guid()),
                shown(item.link()), reason);
    }

    private static String shown(String value) {
        return ColumnLimits.cut(ColumnLimits.storable(value), LOGGED_VALUE);
    }

    private static String reason(RuntimeException e) {
        Throwable cause = e instanceof NestedRuntimeException nested ? nested.getMostSpecificCause() : e;
        // One line: driver messages quote the SQL over several.
        String message = String.valueOf(cause.getMessage()).replaceAll("\\s+", " ");
        return ColumnLimits.cut(ColumnLimits.storable(cause.getClass().getSimpleName() + ": " + message), 300);
    }

    /**
     * Rows are locked in one global order (article id, key hash), so two instances storing overlapping feeds wait
     * for each other instead of deadlocking; should the database still pick this transaction as a deadlock victim,
     * the whole feed is written again, as nothing of the failed attempt was kept.
     */
    private SaveSummary writeRetryingLockConflicts(String sourceId, SourceKind kind, List<Candidate> items, Instant now) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> write(sourceId, kind, items, now));
            } catch (PessimisticLockingFailureException e) {
                if (attempt == LOCK_CONFLICT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private SaveSummary write(String sourceId, SourceKind kind, List<Candidate> items, Instant now) {
        List<Prepared> all = items.stream().map(Prepared::new).toList();
        Set<String> hashes = new HashSet<>();
        all.forEach(prepared -> prepared.keys.forEach(key -> hashes.add(key.hash())));
        Map<String, String> articleByKey = existingKeys(hashes);
        Map<String, Existing> existing = existingArticles(sourceId, new HashSet<>(articleByKey.values()));

        List<Prepared> added = new ArrayList<>();
        List<Prepared> updated = new ArrayList<>();
        List<Prepared> duplicates = new ArrayList<>();
        int unchanged = 0;
        for (Prepared prepared : all) {
            String articleId = resolve(prepared, articleByKey, existing);
            if (articleId == null) {
                prepared.articleId = prepared.keys.get(0).articleId();
                added.add(prepared);
                continue;
            }
            prepared.articleId = articleId;
            prepared.newKeys = prepared.keys.stream().filter(key -> !articleByKey.containsKey(key.hash())).toList();
            Existing current = existing.get(articleId);
            if (current == null) {
                duplicates.add(prepared);
            } else if (current.ownedByThisSource) {
                if (current.contentHash.equals(prepared.contentHash)) {
                    unchanged++;
                } else {
                    prepared.firstSeenAt = current.firstSeenAt;
                    prepared.expectedOwner = sourceId;
                    updated.add(prepared);
                }
            } else if (CopyAuthority.takesOver(kind, current.ownerKind)) {
                // A more authoritative copy of the article: its title and summary are shown from now on.
                prepared.firstSeenAt = current.firstSeenAt;
                prepared.expectedOwner = current.ownerSource;
                updated.add(prepared);
            } else if (current.fromThisSource) {
                // Another source's copy of the article is the one stored: nothing to do.
                unchanged++;
            } else {
                duplicates.add(prepared);
            }
        }
        added.sort(Comparator.comparing(prepared -> prepared.articleId));
        List<Prepared> lostRace = insertArticles(added, sourceId, kind, now);
        added.removeAll(lostRace);
        duplicates.addAll(lostRace);
        updated.sort(Comparator.comparing(prepared -> prepared.articleId));
        List<Prepared> ownerChanged = updateArticles(updated, sourceId, kind, now);
        updated.removeAll(ownerChanged);
        duplicates.addAll(ownerChanged);
        List<Prepared> keyed = new ArrayList<>(added);
        keyed.addAll(updated);
        keyed.addAll(duplicates);
        insertKeys(keyed);
        insertOrigins(added, sourceId, now);
        // A take-over is also this source's first sight of the article; for an owner's own update this does nothing.
        insertOrigins(updated, sourceId, now);
        insertOrigins(duplicates, sourceId, now);
        insertTopics(added);
        deleteTopics(updated);
        insertTopics(updated);
        logBounded(sourceId, added);
        logBounded(sourceId, updated);
        SaveSummary summary = new SaveSummary(added.size(), updated.size(), unchanged, duplicates.size(), 0, 0);
        if (summary.changedAnything()) {
            bumpVersion();
        }
        TransactionHoldHook.holdIfRequested(sourceId, summary);
        return summary;
    }

    /**
     * The stored article an item is, by its strongest key that names one, or null for a new article. A link does
     * not merge an item into an article its own source already carries under a different GUID: within one feed
     * such a link is generic (a section page), not the article's. Across sources a shared link still merges.
     */
    private static String resolve(Prepared prepared, Map<String, String> articleByKey, Map<String, Existing> existing) {
        String guidMatch = prepared.keys.stream().filter(key -> "guid".equals(key.kind()))
                .map(key -> articleByKey.get(key.hash())).filter(Objects::nonNull).findFirst().orElse(null);
        boolean hasGuid = prepared.keys.stream().anyMatch(key -> "guid".equals(key.kind()));
        List<IdentityKey> usable = new ArrayList<>(prepared.keys.size());
        String articleId = null;
        for (IdentityKey key : prepared.keys) {
            String match = articleByKey.get(key.hash());
            if (match != null && "link".equals(key.kind()) && hasGuid && !match.equals(guidMatch)) {
                Existing other = existing.get(match);
                if (other != null && other.fromThisSource && other.sourceGuid != null) {
                    continue;
                }
            }
            usable.add(key);
            if (articleId == null && match != null) {
                articleId = match;
            }
        }
        prepared.keys = usable;
        return articleId;
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
                    SELECT a.id, a.content_hash, a.first_seen_at, a.owner_source, a.owner_kind, s.source_id, s.guid
                    FROM article a LEFT JOIN article_source s ON s.article_id = a.id AND s.source_id = :source
                    WHERE a.id IN (:ids)""")
                    .param("source", sourceId).param("ids", chunk)
                    .query((rs, row) -> found.put(rs.getString(1), new Existing(rs.getString(2),
                            rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4),
                            SourceKind.fromSlug(rs.getString(5)).orElse(null), sourceId.equals(rs.getString(4)),
                            rs.getString(6) != null, rs.getString(7))))
                    .list();
        }
        return found;
    }

    /**
     * Inserts new articles. Another feed (on this instance or another one) may have stored the same article a
     * moment ago: the insert then does nothing, and the item is returned to be recorded as a duplicate.
     */
    private List<Prepared> insertArticles(List<Prepared> added, String sourceId, SourceKind kind, Instant now) {
        if (added.isEmpty()) {
            return List.of();
        }
        int[] counts = batch.batchUpdate("""
                INSERT INTO article (id, title, url, summary_html, summary_text, authors, categories, doi, pmid,
                    published_at, first_seen_at, updated_at, sort_at, digest_date, relevant, tagging, content_hash,
                    description_text, content_text, owner_source, owner_kind)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                added.stream().map(prepared -> {
                    Object[] row = articleRow(prepared, now, now);
                    Object[] owned = java.util.Arrays.copyOf(row, row.length + 2);
                    owned[row.length] = sourceId;
                    owned[row.length + 1] = kind == null ? null : kind.slug();
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

    /**
     * Writes the source's copy over the stored one and makes the source the owner. The row is only written while
     * it still has the owner this transaction read: another instance may have taken the article over meanwhile.
     *
     * @return the items whose article changed owner meanwhile (recorded as duplicates instead)
     */
    private List<Prepared> updateArticles(List<Prepared> updated, String sourceId, SourceKind kind, Instant now) {
        if (updated.isEmpty()) {
            return List.of();
        }
        int[] counts = batch.batchUpdate("""
                UPDATE article SET title = ?, url = ?, summary_html = ?, summary_text = ?, authors = ?, categories = ?,
                    doi = ?, pmid = ?, published_at = ?, first_seen_at = ?, updated_at = ?, sort_at = ?, digest_date = ?,
                    relevant = ?, tagging = ?, content_hash = ?, description_text = ?, content_text = ?,
                    owner_source = ?, owner_kind = ?
                WHERE id = ? AND owner_source = ?""",
                updated.stream().map(prepared -> {
                    Object[] row = articleRow(prepared, prepared.firstSeenAt, now);
                    Object[] shifted = new Object[row.length + 3];
                    System.arraycopy(row, 1, shifted, 0, row.length - 1);
                    shifted[row.length - 1] = sourceId;
                    shifted[row.length] = kind == null ? null : kind.slug();
                    shifted[row.length + 1] = row[0];
                    shifted[row.length + 2] = prepared.expectedOwner;
                    return shifted;
                }).toList());
        List<Prepared> lost = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                lost.add(updated.get(i));
            }
        }
        return lost;
    }

    private Object[] articleRow(Prepared prepared, Instant firstSeenAt, Instant now) {
        NewArticle item = prepared.item;
        Instant published = usablePublicationDate(item.publishedAt(), now);
        Instant sortAt = published != null ? published : firstSeenAt;
        prepared.sortAt = sortAt;
        return new Object[] {prepared.articleId, item.title(), item.link(), item.summaryHtml(), item.summaryText(),
                json.writeValueAsString(item.authors()), json.writeValueAsString(item.categories()),
                item.doi(), item.pmid(), Timestamps.of(published), Timestamps.of(firstSeenAt),
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

    /**
     * A bounded item of the feed with the identity keys of what the feed said.
     *
     * @param given   the item as the caller gave it (for the log)
     * @param changes what bounding changed
     */
    private record Candidate(NewArticle item, List<IdentityKey> keys, String contentHash, NewArticle given,
            List<String> changes) {

        boolean hasGuid() {
            return keys.stream().anyMatch(key -> "guid".equals(key.kind()));
        }

        Candidate withoutLinkKey() {
            return new Candidate(item, keys.stream().filter(key -> !"link".equals(key.kind())).toList(), contentHash, given,
                    changes);
        }
    }

    /** One candidate during one write attempt (a retried attempt starts again from the candidate). */
    private static final class Prepared {
        final NewArticle item;
        final String contentHash;
        List<IdentityKey> keys;
        String articleId;
        Instant firstSeenAt;
        Instant sortAt;
        List<IdentityKey> newKeys;
        String expectedOwner;
        final NewArticle given;
        final List<String> changes;

        Prepared(Candidate candidate) {
            this.item = candidate.item();
            this.given = candidate.given();
            this.changes = candidate.changes();
            this.keys = candidate.keys();
            this.contentHash = candidate.contentHash();
        }
    }

    /**
     * @param sourceGuid the GUID the saving source gave the article; null when it gave none or does not carry it
     */
    private record Existing(String contentHash, Instant firstSeenAt, String ownerSource, SourceKind ownerKind,
            boolean ownedByThisSource, boolean fromThisSource, String sourceGuid) {
    }

    private record Row(String id, String title, String descriptionText, String contentText, String categories,
            String tagging, Instant sortAt,
            LocalDate digestDate) {
    }

}
