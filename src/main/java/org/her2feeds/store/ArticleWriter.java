package org.her2feeds.store;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.her2feeds.sources.SourceKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes one feed's articles inside the caller's transaction, in two steps: first every item is placed (looked up
 * by its identity keys in batches and given one immutable {@link Placement}: its article id, what happens to it,
 * the keys to record, its filing), then the placements are written in batches with named parameters.
 *
 * <p>Rows are written in one global order (article id, key hash), so two instances storing overlapping feeds
 * wait for each other instead of deadlocking. Whose copy is stored follows {@link CopyAuthority}; a race with
 * another instance ends in {@code ON CONFLICT DO NOTHING} or in a guarded update, and the item then counts as a
 * duplicate.
 */
final class ArticleWriter {

    private static final Logger log = LoggerFactory.getLogger(ArticleWriter.class);
    private static final int LOOKUP_CHUNK = 500;

    private static final String INSERT_ARTICLE = """
            INSERT INTO article (id, title, url, summary_html, summary_text, authors, categories, doi, pmid,
                published_at, first_seen_at, updated_at, sort_at, digest_date, relevant, tagging, content_hash,
                description_text, content_text, owner_source, owner_kind)
            VALUES (:id, :title, :url, :summaryHtml, :summaryText, :authors, :categories, :doi, :pmid,
                :publishedAt, :firstSeenAt, :updatedAt, :sortAt, :digestDate, :relevant, :tagging, :contentHash,
                :descriptionText, :contentText, :ownerSource, :ownerKind) ON CONFLICT DO NOTHING""";
    /** Only while the row still has the owner this transaction read: another instance may have taken it over. */
    private static final String UPDATE_ARTICLE = """
            UPDATE article SET title = :title, url = :url, summary_html = :summaryHtml, summary_text = :summaryText,
                authors = :authors, categories = :categories, doi = :doi, pmid = :pmid, published_at = :publishedAt,
                first_seen_at = :firstSeenAt, updated_at = :updatedAt, sort_at = :sortAt, digest_date = :digestDate,
                relevant = :relevant, tagging = :tagging, content_hash = :contentHash,
                description_text = :descriptionText, content_text = :contentText,
                owner_source = :ownerSource, owner_kind = :ownerKind, purged = FALSE
            WHERE id = :id AND owner_source = :expectedOwner""";

    /** What a feed's item does to the archive. */
    enum Outcome {
        ADDED,
        UPDATED,
        UNCHANGED,
        DUPLICATE
    }

    /**
     * One item's place in the archive, decided before anything is written.
     *
     * @param newKeys       the identity keys to record for the article (those it is not yet known by)
     * @param firstSeenAt   when the service first saw the article
     * @param expectedOwner for an update: the owner the stored row must still have
     */
    record Placement(
            IncomingArticle item,
            Outcome outcome,
            String articleId,
            List<IdentityKey> newKeys,
            Instant firstSeenAt,
            Filing filing,
            String expectedOwner) {

        Placement asDuplicate() {
            return new Placement(item, Outcome.DUPLICATE, articleId, newKeys, firstSeenAt, filing, null);
        }

        TaggingIndex.Entry topics() {
            return new TaggingIndex.Entry(articleId, item.stored().tagging(), filing.sortAt());
        }
    }

    /**
     * @param sourceGuid the GUID the saving source gave the article; null when it gave none or does not carry it
     */
    private record Existing(
            String contentHash,
            Instant firstSeenAt,
            String ownerSource,
            SourceKind ownerKind,
            boolean ownedByThisSource,
            boolean fromThisSource,
            String sourceGuid) {}

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TaggingIndex topics;
    private final SourceItems sourceItems;
    private final ArticleVersion version;
    private final ZoneId zone;
    private final StoryGrouping stories;

    ArticleWriter(
            JdbcClient jdbc,
            NamedParameterJdbcTemplate named,
            SourceItems sourceItems,
            ArticleVersion version,
            ZoneId zone,
            StoryGrouping stories) {
        this.jdbc = jdbc;
        this.stories = stories;
        this.sourceItems = sourceItems;
        this.named = named;
        this.topics = new TaggingIndex(named);
        this.version = version;
        this.zone = zone;
    }

    /**
     * Writes one feed's distinct items and records the raw fingerprints of all its items (those left out as
     * duplicates too) for the next fetch; must run inside a transaction.
     */
    SaveSummary write(String sourceId, SourceKind kind, ArticleStore.Distinct distinct, KnownItems known, Instant now) {
        List<IncomingArticle> items = distinct.kept();
        Set<String> taken = known.articleIds();
        Set<String> hashes = new HashSet<>();
        items.forEach(item -> item.keys().forEach(key -> hashes.add(key.hash())));
        Map<String, String> articleByKey = existingKeys(hashes);
        Map<String, Existing> existing = existingArticles(sourceId, new HashSet<>(articleByKey.values()));
        List<Placement> placements = items.stream()
                .map(item -> place(item, sourceId, kind, articleByKey, existing, taken, now))
                .toList();

        List<Placement> added = sortedById(placements, Outcome.ADDED);
        List<Placement> updated = sortedById(placements, Outcome.UPDATED);
        List<Placement> duplicates = new ArrayList<>(of(placements, Outcome.DUPLICATE));
        // A lost race (another feed stored the article a moment ago, or took it over) is recorded as a duplicate.
        List<Placement> insertedFirst = written(added, insertArticles(added, sourceId, kind, now), duplicates);
        List<Placement> updatedFirst = written(updated, updateArticles(updated, sourceId, kind, now), duplicates);

        List<Placement> keyed = Stream.of(insertedFirst, updatedFirst, duplicates)
                .flatMap(List::stream)
                .toList();
        insertKeys(keyed);
        // A take-over is also this source's first sight of the article; for an owner's own update this does nothing.
        // In article id order: on PostgreSQL each new origin locks its article's row (V14), duplicates included.
        insertOrigins(
                keyed.stream()
                        .sorted(Comparator.comparing(Placement::articleId))
                        .toList(),
                sourceId,
                now);
        topics.add(insertedFirst.stream().map(Placement::topics).toList());
        topics.replace(updatedFirst.stream().map(Placement::topics).toList());
        stories.group(
                Stream.of(insertedFirst, updatedFirst)
                        .flatMap(List::stream)
                        .map(p -> StoryGrouping.Arriving.written(
                                p.articleId(), p.item().stored(), p.filing().sortAt(), kind, sourceId))
                        .toList(),
                now);
        logBounded(sourceId, insertedFirst);
        logBounded(sourceId, updatedFirst);
        recordFingerprints(sourceId, distinct, placements, duplicates, known);
        SaveSummary summary = new SaveSummary(
                insertedFirst.size(),
                updatedFirst.size(),
                of(placements, Outcome.UNCHANGED).size(),
                duplicates.size(),
                0,
                0);
        if (summary.changedAnything()) {
            version.bump();
        }
        return summary;
    }

    private Placement place(
            IncomingArticle item,
            String sourceId,
            SourceKind kind,
            Map<String, String> articleByKey,
            Map<String, Existing> existing,
            Set<String> taken,
            Instant now) {
        List<IdentityKey> usable = usableKeys(item, articleByKey, existing);
        String articleId = usable.stream()
                .map(key -> articleByKey.get(key.hash()))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        if (articleId == null) {
            return placement(item, Outcome.ADDED, usable.get(0).articleId(), usable, now, now, null);
        }
        List<IdentityKey> newKeys = usable.stream()
                .filter(key -> !articleByKey.containsKey(key.hash()))
                .toList();
        Existing current = existing.get(articleId);
        if (current != null && taken.contains(articleId)) {
            // An unchanged entry earlier or later in this feed stands for the article: a duplicate within the feed.
            return placement(item, Outcome.UNCHANGED, articleId, List.of(), current.firstSeenAt(), now, null);
        }
        if (current == null) {
            return placement(item, Outcome.DUPLICATE, articleId, newKeys, now, now, null);
        }
        Outcome outcome;
        String expectedOwner = null;
        if (current.ownedByThisSource()) {
            outcome = current.contentHash().equals(item.contentHash()) ? Outcome.UNCHANGED : Outcome.UPDATED;
            expectedOwner = sourceId;
        } else if (CopyAuthority.takesOver(kind, current.ownerKind())) {
            // A more authoritative copy of the article: its title and summary are shown from now on.
            outcome = Outcome.UPDATED;
            expectedOwner = current.ownerSource();
        } else {
            // Another source's copy is the one stored: nothing to do when this source is known to carry it.
            outcome = current.fromThisSource() ? Outcome.UNCHANGED : Outcome.DUPLICATE;
        }
        return placement(item, outcome, articleId, newKeys, current.firstSeenAt(), now, expectedOwner);
    }

    private Placement placement(
            IncomingArticle item,
            Outcome outcome,
            String articleId,
            List<IdentityKey> newKeys,
            Instant firstSeenAt,
            Instant now,
            String expectedOwner) {
        return new Placement(
                item,
                outcome,
                articleId,
                newKeys,
                firstSeenAt,
                Filing.of(item.stored().publishedAt(), firstSeenAt, now, zone),
                expectedOwner);
    }

    /**
     * The item's keys less a link that would merge it into an article its own source already carries under a
     * different GUID: within one feed such a link is generic (a section page), not the article's. Across sources a
     * shared link still merges.
     */
    private static List<IdentityKey> usableKeys(
            IncomingArticle item, Map<String, String> articleByKey, Map<String, Existing> existing) {
        if (!item.hasGuid()) {
            return item.keys();
        }
        String guidMatch = item.keys().stream()
                .filter(IdentityKey::isGuid)
                .map(key -> articleByKey.get(key.hash()))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
        return item.keys().stream()
                .filter(key -> {
                    String match = articleByKey.get(key.hash());
                    if (match == null || !key.isLink() || match.equals(guidMatch)) {
                        return true;
                    }
                    Existing other = existing.get(match);
                    return other == null || !other.fromThisSource() || other.sourceGuid() == null;
                })
                .toList();
    }

    private Map<String, String> existingKeys(Set<String> hashes) {
        Map<String, String> found = new HashMap<>();
        for (List<String> chunk : chunks(new ArrayList<>(hashes))) {
            jdbc.sql("SELECT key_hash, article_id FROM article_key WHERE key_hash = ANY(:hashes)")
                    .param("hashes", AnyOf.strings(chunk))
                    .query((rs, row) -> found.put(rs.getString(1), rs.getString(2)))
                    .list();
        }
        return found;
    }

    private Map<String, Existing> existingArticles(String sourceId, Set<String> ids) {
        Map<String, Existing> found = new HashMap<>();
        for (List<String> chunk : chunks(new ArrayList<>(ids))) {
            jdbc.sql("""
                    SELECT a.id, a.content_hash, a.first_seen_at, a.owner_source, a.owner_kind, s.source_id, s.guid
                    FROM article a LEFT JOIN article_source s ON s.article_id = a.id AND s.source_id = :source
                    WHERE a.id = ANY(:ids)""")
                    .param("source", sourceId)
                    .param("ids", AnyOf.strings(chunk))
                    .query((rs, row) -> found.put(
                            rs.getString(1),
                            new Existing(
                                    rs.getString(2),
                                    Timestamps.read(rs, 3),
                                    rs.getString(4),
                                    SourceKind.fromSlug(rs.getString(5)).orElse(null),
                                    sourceId.equals(rs.getString(4)),
                                    rs.getString(6) != null,
                                    rs.getString(7))))
                    .list();
        }
        return found;
    }

    /** @return per placement, whether the insert wrote the row (another feed may have stored it a moment ago) */
    private int[] insertArticles(List<Placement> added, String sourceId, SourceKind kind, Instant now) {
        return batch(INSERT_ARTICLE, added, p -> articleColumns(p, sourceId, kind, now));
    }

    /** Writes the source's copy over the stored one and makes the source the owner. */
    private int[] updateArticles(List<Placement> updated, String sourceId, SourceKind kind, Instant now) {
        return batch(
                UPDATE_ARTICLE,
                updated,
                p -> articleColumns(p, sourceId, kind, now).addValue("expectedOwner", p.expectedOwner()));
    }

    private static MapSqlParameterSource articleColumns(Placement p, String sourceId, SourceKind kind, Instant now) {
        NewArticle item = p.item().stored();
        return new MapSqlParameterSource()
                .addValue("id", p.articleId())
                .addValue("title", item.title())
                .addValue("url", item.link())
                .addValue("summaryHtml", item.summaryHtml())
                .addValue("summaryText", item.summaryText())
                .addValue("authors", p.item().authorsJson())
                .addValue("categories", p.item().categoriesJson())
                .addValue("doi", item.doi())
                .addValue("pmid", item.pmid())
                .addValue("publishedAt", Timestamps.of(p.filing().publishedAt()))
                .addValue("firstSeenAt", Timestamps.of(p.firstSeenAt()))
                .addValue("updatedAt", Timestamps.of(now))
                .addValue("sortAt", Timestamps.of(p.filing().sortAt()))
                .addValue("digestDate", p.filing().digestDay())
                .addValue("relevant", item.tagging().relevant())
                .addValue("tagging", p.item().taggingJson())
                .addValue("contentHash", p.item().contentHash())
                .addValue("descriptionText", item.descriptionText())
                .addValue("contentText", item.contentText())
                .addValue("ownerSource", sourceId)
                .addValue("ownerKind", kind == null ? null : kind.slug());
    }

    /** Every item's fingerprint with the article it was stored as; an item left out, with its kept twin's. */
    private void recordFingerprints(
            String sourceId,
            ArticleStore.Distinct distinct,
            List<Placement> placements,
            List<Placement> lostRaces,
            KnownItems known) {
        Map<IncomingArticle, String> articleOf = new IdentityHashMap<>();
        Stream.concat(placements.stream(), lostRaces.stream()).forEach(p -> articleOf.put(p.item(), p.articleId()));
        List<SourceItems.Row> rows = new ArrayList<>();
        articleOf.forEach((item, articleId) -> addRow(rows, item, articleId));
        distinct.dropped().forEach((item, twin) -> addRow(rows, item, articleOf.get(twin)));
        sourceItems.record(sourceId, rows, known.stale());
    }

    private static void addRow(List<SourceItems.Row> rows, IncomingArticle item, String articleId) {
        String fingerprint = item.stored().fingerprint();
        if (fingerprint != null && articleId != null) {
            rows.add(new SourceItems.Row(fingerprint, articleId));
        }
    }

    /** Records the keys the articles are not yet known by, in key order. */
    private void insertKeys(List<Placement> placements) {
        record KeyRow(IdentityKey key, String articleId) {}
        List<KeyRow> rows = placements.stream()
                .flatMap(p -> p.newKeys().stream().map(key -> new KeyRow(key, p.articleId())))
                .sorted(Comparator.comparing(row -> row.key().hash()))
                .toList();
        batch(
                "INSERT INTO article_key (key_hash, key_kind, article_id) VALUES (:hash, :kind, :id) ON CONFLICT DO "
                        + "NOTHING",
                rows,
                row -> new MapSqlParameterSource()
                        .addValue("hash", row.key().hash())
                        .addValue("kind", row.key().kind())
                        .addValue("id", row.articleId()));
    }

    private void insertOrigins(List<Placement> placements, String sourceId, Instant now) {
        batch(
                """
                INSERT INTO article_source (article_id, source_id, guid, link, first_seen_at)
                VALUES (:id, :source, :guid, :link, :seenAt) ON CONFLICT DO NOTHING""",
                placements,
                p -> new MapSqlParameterSource()
                        .addValue("id", p.articleId())
                        .addValue("source", sourceId)
                        .addValue("guid", p.item().stored().guid())
                        .addValue("link", p.item().stored().link())
                        .addValue("seenAt", Timestamps.of(now)));
    }

    private <T> int[] batch(String sql, List<T> rows, Function<T, SqlParameterSource> parameters) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        return named.batchUpdate(sql, rows.stream().map(parameters).toArray(SqlParameterSource[]::new));
    }

    /** What bounding changed, logged when the bounded copy is written (not at every fetch of an unchanged feed). */
    private static void logBounded(String sourceId, List<Placement> written) {
        for (Placement p : written) {
            if (!p.item().changes().isEmpty()) {
                log.info(
                        "source={} item stored bounded to fit its columns: guid=\"{}\" link=\"{}\" {}",
                        sourceId,
                        ArticleStore.shown(p.item().given().guid()),
                        ArticleStore.shown(p.item().given().link()),
                        p.item().changes());
            }
        }
    }

    private static List<Placement> of(List<Placement> placements, Outcome outcome) {
        return placements.stream().filter(p -> p.outcome() == outcome).toList();
    }

    private static List<Placement> sortedById(List<Placement> placements, Outcome outcome) {
        return placements.stream()
                .filter(p -> p.outcome() == outcome)
                .sorted(Comparator.comparing(Placement::articleId))
                .toList();
    }

    /**
     * The placements whose row was written; those whose insert or guarded update did nothing (a count of 0) are
     * added to {@code lost} as duplicates.
     */
    private static List<Placement> written(List<Placement> placements, int[] counts, List<Placement> lost) {
        List<Placement> written = new ArrayList<>(placements.size());
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 0) {
                written.add(placements.get(i));
            } else {
                lost.add(placements.get(i).asDuplicate());
            }
        }
        return written;
    }

    private static <T> List<List<T>> chunks(List<T> values) {
        List<List<T>> chunks = new ArrayList<>();
        for (int start = 0; start < values.size(); start += LOOKUP_CHUNK) {
            chunks.add(values.subList(start, Math.min(values.size(), start + LOOKUP_CHUNK)));
        }
        return chunks;
    }
}
