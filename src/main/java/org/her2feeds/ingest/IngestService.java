package org.her2feeds.ingest;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.her2feeds.clean.ContentCleaner;
import org.her2feeds.fetch.Failed;
import org.her2feeds.fetch.FeedFetcher;
import org.her2feeds.fetch.FetchRequest;
import org.her2feeds.fetch.FetchResult;
import org.her2feeds.fetch.Fetched;
import org.her2feeds.fetch.NotModified;
import org.her2feeds.parse.FeedParseException;
import org.her2feeds.parse.FeedParser;
import org.her2feeds.parse.ParsedFeed;
import org.her2feeds.sources.Source;
import org.her2feeds.sources.SourceCatalog;
import org.her2feeds.store.ArticleStore;
import org.her2feeds.store.SaveSummary;
import org.her2feeds.store.SourceState;
import org.her2feeds.store.SourceStates;
import org.her2feeds.store.SourceStatus;
import org.her2feeds.store.StoredFeed;
import org.her2feeds.tagging.Tagger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Runs one source through the pipeline: fetch, parse, map (clean, tag), store, and records what happened on the
 * source. Whatever goes wrong with one source ends here as that source's recorded error; it never escapes
 * to the scheduler or touches other sources. Whether a source is fetched at all is {@link SourceStatus}'s decision;
 * how its state changes is {@link SourceState}'s; when it is fetched next is {@link NextFetchPolicy}'s.
 */
@Service
public class IngestService {

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    private final SourceCatalog catalog;
    private final SourceStates states;
    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final EntryMapper mapper;
    private final ArticleStore store;
    private final NextFetchPolicy nextFetch;
    private final IngestProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    IngestService(
            SourceCatalog catalog,
            SourceStates states,
            FeedFetcher fetcher,
            FeedParser parser,
            ContentCleaner cleaner,
            Tagger tagger,
            ArticleStore store,
            IngestProperties properties,
            NextFetchPolicy nextFetch,
            Clock clock,
            ApplicationEventPublisher events) {
        this.catalog = catalog;
        this.states = states;
        this.fetcher = fetcher;
        this.parser = parser;
        this.mapper = new EntryMapper(cleaner, tagger);
        this.store = store;
        this.nextFetch = nextFetch;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
    }

    /** The sources that are fetched ({@link SourceStatus.Active}): those that should have a schedule. */
    public List<Source> activeSources() {
        // The states of all sources in one query, not one per source: thousands of sources are read at start-up.
        return states.standings(catalog.enabled()).stream()
                .filter(standing -> standing.status().isActive())
                .map(SourceStates.Standing::source)
                .toList();
    }

    /** When each source that has been fetched before is planned to be fetched next, by source id. */
    public Map<String, Instant> plannedFetches() {
        Map<String, Instant> planned = new HashMap<>();
        states.all().stream()
                .filter(state -> state.nextFetchAt() != null)
                .forEach(state -> planned.put(state.sourceId(), state.nextFetchAt()));
        return planned;
    }

    /** Fetches and stores one source now. */
    public IngestOutcome ingest(String sourceId) {
        Instant started = clock.instant();
        Source source = catalog.find(sourceId).orElse(null);
        if (source == null) {
            return IngestOutcome.unknownSource(sourceId);
        }
        SourceStates.Standing standing = states.standing(source);
        if (!standing.status().isActive()) {
            return IngestOutcome.notFetched(sourceId, standing.status().notFetchedBecause());
        }
        SourceState state = standing.state();
        IngestOutcome outcome;
        try {
            outcome = run(source, state, started);
        } catch (RuntimeException e) {
            // A bug or a database problem while handling this source must not stop the others.
            log.error("source={} ingest failed unexpectedly", sourceId, e);
            outcome = recordFailure(
                    source, state, started, null, e.getClass().getSimpleName() + ": " + e.getMessage(), null, false);
        }
        log.info(
                "source={} status={} new={} updated={} unchanged={} duplicates={} irrelevant={} rejected={} "
                        + "duration={}ms{}",
                sourceId,
                outcome.status(),
                outcome.added(),
                outcome.updated(),
                outcome.unchanged(),
                outcome.duplicates(),
                outcome.irrelevant(),
                outcome.rejected(),
                outcome.duration().toMillis(),
                outcome.error() == null ? "" : " error=\"" + outcome.error() + "\"");
        events.publishEvent(new IngestCompleted(outcome));
        return outcome;
    }

    private IngestOutcome run(Source source, SourceState state, Instant started) {
        FetchResult result = fetcher.fetch(
                new FetchRequest(source.id(), URI.create(state.currentUrl()), state.etag(), state.lastModified()));
        SourceState redirected = followRedirects(state, result);
        if (result instanceof Failed failed) {
            String error = failed.errorClass() + ": " + failed.message();
            return recordFailure(
                    source, redirected, started, failed.status(), error, failed.retryAfter(), failed.gone());
        }
        if (result instanceof NotModified notModified) {
            return recordSuccess(
                    source,
                    redirected,
                    started,
                    new Answer(notModified.status(), notModified.etag(), notModified.lastModified()),
                    notModified.maxAge(),
                    SaveSummary.NOTHING,
                    0,
                    0,
                    0);
        }
        Fetched fetched = (Fetched) result;
        // The same document again (a 200 from a publisher that ignores conditional GET), or the same but for the
        // feed-level dates it rewrites at every request: not even parsed.
        String document = EntryFingerprint.ofDocument(
                parser.contentFingerprint(fetched.body(), fetched.contentType()),
                fetched.body(),
                fetched.contentType(),
                fetched.finalUrl(),
                source.kind());
        Optional<StoredFeed> same = store.sameFeed(source.id(), document);
        if (same.isPresent()) {
            // Time passes for the source's old articles even when its feed does not change.
            purgeIrrelevant(source, started);
            return recordSuccess(
                    source,
                    redirected,
                    started,
                    Answer.of(fetched),
                    longest(fetched.maxAge(), minutes(same.get().ttlMinutes())),
                    SaveSummary.NOTHING,
                    same.get().entries(),
                    0,
                    0);
        }
        ParsedFeed feed;
        try {
            feed = parser.parse(fetched.body(), fetched.contentType(), fetched.finalUrl());
        } catch (FeedParseException e) {
            return recordFailure(
                    source,
                    redirected,
                    started,
                    fetched.status(),
                    "FeedParseException: " + e.getMessage(),
                    null,
                    false);
        }
        // Entries fetched again exactly as they were stored are skipped (KnownItems decides): most publishers answer
        // 200 with the same items rather than 304.
        EntryMapper.Mapped mapped = mapper.mapAll(
                source.id(),
                source.kind(),
                feed,
                fetched.finalUrl(),
                properties.maxItemsPerFetch(),
                fingerprints -> store.knownItems(source.id(), fingerprints));
        if (mapped.overCap() > 0) {
            // A feed of thousands of items is a broken or hostile one; the archive takes only the newest part.
            log.warn(
                    "source={} items_over_cap={} (her2.ingest.max-items-per-fetch={}); only the first {} were read",
                    source.id(),
                    mapped.overCap(),
                    properties.maxItemsPerFetch(),
                    properties.maxItemsPerFetch());
        }
        long withoutLink = mapped.withoutLink();
        if (withoutLink > 0) {
            // Such articles reach readers without anything to click: worth an operator's look at the source.
            log.warn(
                    "source={} articles_without_link={} of {} (no usable link, DOI or PubMed id)",
                    source.id(),
                    withoutLink,
                    mapped.articles().size());
        }
        // Marks the start of the one transaction that stores the feed (the crash-safety test kills the process here).
        log.debug(
                "source={} storing {} articles in one transaction",
                source.id(),
                mapped.articles().size());
        // The source's kind decides whose copy is shown when several sources carry one article.
        SaveSummary saved = store.saveFeed(source.id(), source.kind(), mapped.articles(), mapped.known());
        // Only a feed stored whole is known by its document next time; one with rejected items (or items past the
        // cap) is read again.
        boolean whole = saved.rejected() == 0 && mapped.rejected() == 0 && mapped.overCap() == 0;
        store.rememberFeed(
                source.id(),
                whole ? document : null,
                new StoredFeed(feed.entries().size(), feed.ttlMinutes()));
        purgeIrrelevant(source, started);
        Duration requested = longest(fetched.maxAge(), minutes(feed.ttlMinutes()));
        return recordSuccess(
                source,
                redirected,
                started,
                Answer.of(fetched),
                requested,
                saved,
                mapped.skipped(),
                mapped.irrelevant(),
                mapped.rejected());
    }

    /** After each successful fetch: the texts of the source's old articles judged not relevant are let go. */
    private void purgeIrrelevant(Source source, Instant started) {
        int purged = store.purgeIrrelevant(source.id(), started.minus(properties.purgeIrrelevantAfter()));
        if (purged > 0) {
            log.info(
                    "source={} purged the texts of {} articles judged not relevant (older than {})",
                    source.id(),
                    purged,
                    properties.purgeIrrelevantAfter());
        }
    }

    /** See {@link SourceState#afterRedirect}; logs the moment a permanent redirect is adopted. */
    private SourceState followRedirects(SourceState state, FetchResult result) {
        URI target = result.permanentRedirect();
        SourceState next = state.afterRedirect(target, properties.redirectConfirmations());
        if (!Objects.equals(next.currentUrl(), state.currentUrl())) {
            int streak = Objects.equals(target.toString(), state.redirectTarget()) ? state.redirectStreak() + 1 : 1;
            log.info(
                    "source={} moved permanently: {} -> {} (seen on {} consecutive fetches); the new URL is used "
                            + "from now on",
                    state.sourceId(),
                    state.currentUrl(),
                    target,
                    streak);
        }
        return next;
    }

    /** What the server said about the document: the status and the validators a conditional GET sends back. */
    private record Answer(Integer status, String etag, String lastModified) {

        static Answer of(Fetched fetched) {
            return new Answer(fetched.status(), fetched.etag(), fetched.lastModified());
        }
    }

    private IngestOutcome recordSuccess(
            Source source,
            SourceState s,
            Instant started,
            Answer answer,
            Duration requested,
            SaveSummary saved,
            int skipped,
            int irrelevant,
            int rejected) {
        Instant now = clock.instant();
        SourceState recorded = record(s.afterSuccess(
                started,
                now,
                answer.status(),
                answer.etag(),
                answer.lastModified(),
                nextFetch.afterSuccess(source, now, requested)));
        return IngestOutcome.stored(
                source.id(),
                answer.status(),
                saved,
                skipped,
                irrelevant,
                rejected,
                recorded.nextFetchAt(),
                Duration.between(started, now));
    }

    private IngestOutcome recordFailure(
            Source source,
            SourceState s,
            Instant started,
            Integer status,
            String error,
            Duration retryAfter,
            boolean gone) {
        Instant now = clock.instant();
        SourceState failed = gone
                ? s.afterGone(started, now, status, error)
                : s.afterFailure(
                        started,
                        status,
                        error,
                        nextFetch.afterFailure(source, now, s.consecutiveFailures() + 1, retryAfter));
        SourceState recorded = record(failed);
        return IngestOutcome.failed(source.id(), status, error, recorded.nextFetchAt(), Duration.between(started, now));
    }

    /** Saves a fetch's record; an operator may have paused the source while the fetch ran, which the record keeps. */
    private SourceState record(SourceState afterFetch) {
        return states.change(afterFetch.sourceId(), afterFetch::keepingPauseFrom);
    }

    private static Duration minutes(Integer minutes) {
        return minutes == null ? null : Duration.ofMinutes(minutes);
    }

    private static Duration longest(Duration a, Duration b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }
}
