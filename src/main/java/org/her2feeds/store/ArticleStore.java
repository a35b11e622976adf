package org.her2feeds.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.her2feeds.sources.SourceKind;
import org.her2feeds.tagging.StoryLinks;
import org.her2feeds.tagging.TaggableText;
import org.her2feeds.tagging.TaggingResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.NestedRuntimeException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores articles. A feed is stored in one transaction, so a crash mid-feed leaves no partial article and the
 * next run stores the feed again. Each item is first made into one immutable {@link IncomingArticle} (bounded
 * values, identity keys, content hash); {@link ArticleWriter} then places and writes them in batches.
 *
 * <p>No item can cost a source its others: every value is bounded to its column first ({@link ColumnLimits}),
 * and should the database still refuse the feed's data, the feed is stored item by item and only the items it
 * refuses are rejected (logged with their reason and counted).
 */
@Component
public class ArticleStore {

    private static final Logger log = LoggerFactory.getLogger(ArticleStore.class);
    private static final int LOCK_CONFLICT_ATTEMPTS = 3;
    private static final int LOGGED_VALUE = 200;

    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final ArticleVersion version;
    private final Clock clock;
    private final ArticleWriter writer;
    private final ArticleReevaluation reevaluation;
    private final StoryBackfill storyBackfill;
    private final JdbcClient jdbc;
    private final SourceItems sourceItems;

    /** Without Spring (tests and tools): the story rules of the default file. */
    ArticleStore(
            JdbcClient jdbc,
            JdbcTemplate batch,
            TransactionTemplate transactions,
            JsonMapper json,
            DigestZoneProperties digest,
            ArticleVersion version,
            Clock clock) {
        this(jdbc, batch, transactions, json, digest, version, clock, new StoryLinks(Path.of("config/stories.yml")));
    }

    @Autowired
    ArticleStore(
            JdbcClient jdbc,
            JdbcTemplate batch,
            TransactionTemplate transactions,
            JsonMapper json,
            DigestZoneProperties digest,
            ArticleVersion version,
            Clock clock,
            StoryLinks stories) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.json = json;
        this.version = version;
        this.clock = clock;
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(batch);
        BatchCounts.require(named, transactions);
        this.sourceItems = new SourceItems(named);
        StoryGrouping grouping = new StoryGrouping(jdbc, named, json, stories);
        this.writer = new ArticleWriter(jdbc, named, sourceItems, version, digest.zone(), grouping);
        this.reevaluation =
                new ArticleReevaluation(jdbc, named, transactions, json, version, digest.zone(), clock, grouping);
        this.storyBackfill = new StoryBackfill(jdbc, transactions, json, grouping, clock);
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
        return saveFeed(sourceId, kind, items, KnownItems.NONE);
    }

    /**
     * Which entries of a source's current feed were stored before from the same raw content: one indexed read.
     *
     * @param fingerprints the raw fingerprints of every entry of the current feed
     */
    public KnownItems knownItems(String sourceId, Collection<String> fingerprints) {
        return sourceItems.known(sourceId, fingerprints);
    }

    /**
     * Whether a fetched document is byte for byte the one the source's feed was last stored from (its fingerprint
     * covers what else decides what it becomes), with nothing of what that stored since removed: then it need not
     * even be parsed. Gives how many entries it held and the ttl it asked for.
     */
    public Optional<StoredFeed> sameFeed(String sourceId, String documentFingerprint) {
        return sourceItems.sameFeed(sourceId, documentFingerprint);
    }

    /**
     * Records that the source's feed is now stored from the document with this fingerprint, or forgets the last one
     * when {@code documentFingerprint} is null (a feed that was not stored whole must be read again next time).
     * Called after {@link #saveFeed(String, SourceKind, List, KnownItems)} committed.
     */
    public void rememberFeed(String sourceId, String documentFingerprint, StoredFeed feed) {
        if (documentFingerprint == null) {
            sourceItems.forgetFeed(sourceId);
        } else {
            sourceItems.rememberFeed(sourceId, documentFingerprint, feed);
        }
    }

    /**
     * Stores the entries of a fetched feed that were not {@link KnownItems#isKnown known}, atomically, and records
     * their fingerprints ({@link NewArticle#fingerprint()}) for the next fetch. An item that turns out to be an
     * article a known entry of the same feed stands for is a duplicate within the feed: it is recorded, not written.
     *
     * @param known what {@link #knownItems} said of the same feed; its stale fingerprints are forgotten
     */
    public SaveSummary saveFeed(String sourceId, SourceKind kind, List<NewArticle> items, KnownItems known) {
        Instant now = clock.instant();
        List<IncomingArticle> incoming = new ArrayList<>(items.size());
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
            incoming.add(IncomingArticle.of(storable, json));
        }
        Distinct distinct = distinctArticles(incoming);
        SaveSummary summary;
        try {
            if (distinct.kept().isEmpty() && known.stale().isEmpty()) {
                summary = SaveSummary.NOTHING;
            } else {
                summary = writeRetryingLockConflicts(sourceId, kind, distinct, known, now);
            }
        } catch (DataIntegrityViolationException | JacksonException | DateTimeException e) {
            log.warn(
                    "source={} the database refused the feed's data ({}); storing its {} articles one by one",
                    sourceId,
                    reason(e),
                    distinct.kept().size());
            summary = itemByItem(sourceId, kind, distinct.kept(), known, now);
        }
        summary = summary.plus(new SaveSummary(0, 0, 0, 0, rejected, bounded));
        if (summary.changedAnything()) {
            version.refresh();
        }
        return summary;
    }

    /**
     * Empties the texts of a source's articles that were judged not relevant and first seen before {@code cutoff},
     * keeping what recognises them when a feed sends them again (keys, sources, title, content hash), so the
     * archive does not grow by what it never publishes. Relevant articles are never touched; a purged article that
     * comes back changed is stored whole again.
     *
     * @return how many articles were purged
     */
    public int purgeIrrelevant(String ownerSource, Instant cutoff) {
        return jdbc.sql("""
                        UPDATE article SET summary_html = '', summary_text = '', description_text = '',
                            content_text = '', purged = TRUE
                        WHERE owner_source = :source AND relevant = FALSE AND purged = FALSE
                            AND first_seen_at < :cutoff""")
                .param("source", ownerSource)
                .param("cutoff", Timestamps.of(cutoff))
                .update();
    }

    /**
     * Evaluates every stored article again with the current rules and files it under the current digest zone.
     *
     * @return how many articles changed
     */
    public int reevaluateAll(Function<TaggableText, TaggingResult> tagger) {
        return reevaluation.reevaluateAll(tagger);
    }

    /**
     * Groups into stories the published articles that have none yet (those stored before stories existed), a page
     * per transaction; a second run changes nothing.
     *
     * @return how many articles joined or started a story
     */
    public int groupArticlesWithoutStory() {
        int grouped = storyBackfill.run();
        if (grouped > 0) {
            transactions.executeWithoutResult(status -> version.bump());
            version.refresh();
        }
        return grouped;
    }

    /**
     * A feed's items, one per distinct article, and those left out as the same article as an earlier item.
     *
     * @param dropped each left-out item, with the kept item it is the same article as
     */
    record Distinct(List<IncomingArticle> kept, Map<IncomingArticle, IncomingArticle> dropped) {}

    /**
     * One entry per distinct article in this feed: a feed that lists the same DOI twice stores it once. Two items
     * with different GUIDs that share only a link (a section page given as every item's link) are two articles.
     */
    private static Distinct distinctArticles(List<IncomingArticle> items) {
        Map<String, IncomingArticle> byHash = new HashMap<>();
        Map<IncomingArticle, IncomingArticle> dropped = new IdentityHashMap<>();
        List<IncomingArticle> distinct = new ArrayList<>(items.size());
        for (IncomingArticle item : items) {
            List<IdentityKey> colliding = item.keys().stream()
                    .filter(key -> byHash.containsKey(key.hash()))
                    .toList();
            if (!colliding.isEmpty()
                    && item.hasGuid()
                    && colliding.stream()
                            .allMatch(key ->
                                    key.isLink() && byHash.get(key.hash()).hasGuid())) {
                item = item.withKeys(
                        item.keys().stream().filter(key -> !key.isLink()).toList());
                colliding = List.of();
            }
            if (!colliding.isEmpty()) {
                dropped.put(item, byHash.get(colliding.get(0).hash()));
                continue;
            }
            for (IdentityKey key : item.keys()) {
                byHash.put(key.hash(), item);
            }
            distinct.add(item);
        }
        return new Distinct(distinct, dropped);
    }

    /**
     * The fallback when the database refuses a feed's data despite the bounds: each article in a transaction of
     * its own, so one the database refuses is rejected alone. A crash meanwhile leaves the articles stored so far,
     * each whole; the next run stores the rest.
     */
    private SaveSummary itemByItem(
            String sourceId, SourceKind kind, List<IncomingArticle> items, KnownItems known, Instant now) {
        SaveSummary total = SaveSummary.NOTHING;
        // Stale fingerprints wait for the next fetch; items left out as duplicates are read again then.
        KnownItems noStale = new KnownItems(known.articleByFingerprint(), Set.of());
        for (IncomingArticle item : items) {
            try {
                Distinct one = new Distinct(List.of(item), Map.of());
                total = total.plus(writeRetryingLockConflicts(sourceId, kind, one, noStale, now));
            } catch (DataIntegrityViolationException | JacksonException | DateTimeException e) {
                logRejected(sourceId, item.given(), reason(e));
                total = total.plus(new SaveSummary(0, 0, 0, 0, 1, 0));
            }
        }
        return total;
    }

    /**
     * Rows are locked in one global order (see {@link ArticleWriter}), so two instances storing overlapping feeds
     * wait for each other instead of deadlocking; should the database still pick this transaction as a deadlock
     * victim, the whole feed is written again, as nothing of the failed attempt was kept.
     */
    private SaveSummary writeRetryingLockConflicts(
            String sourceId, SourceKind kind, Distinct items, KnownItems known, Instant now) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> {
                    SaveSummary written = writer.write(sourceId, kind, items, known, now);
                    TransactionHoldHook.holdIfRequested(sourceId, written);
                    return written;
                });
            } catch (PessimisticLockingFailureException e) {
                if (attempt == LOCK_CONFLICT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static void logRejected(String sourceId, NewArticle item, String reason) {
        log.warn(
                "source={} item rejected: guid=\"{}\" link=\"{}\" reason=\"{}\"",
                sourceId,
                shown(item.guid()),
                shown(item.link()),
                reason);
    }

    /** A feed's value as it is logged: storable and short. */
    static String shown(String value) {
        return ColumnLimits.cut(ColumnLimits.storable(value), LOGGED_VALUE);
    }

    private static String reason(RuntimeException e) {
        Throwable cause = e instanceof NestedRuntimeException nested ? nested.getMostSpecificCause() : e;
        // One line: driver messages quote the SQL over several.
        String message = String.valueOf(cause.getMessage()).replaceAll("\\s+", " ");
        return ColumnLimits.cut(ColumnLimits.storable(cause.getClass().getSimpleName() + ": " + message), 300);
    }
}
