package org.her2feeds.ingest;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.her2feeds.clean.ContentCleaner;
import org.her2feeds.fetch.Failed;
import org.her2feeds.fetch.FeedFetcher;
import org.her2feeds.fetch.FetchRequest;
import org.her2feeds.fetch.FetchResult;
import org.her2feeds.fetch.Fetched;
import org.her2feeds.fetch.NotModified;
import org.her2feeds.parse.FeedParseException;
import org.her2feeds.parse.FeedParser;
import org.her2feeds.parse.ParsedEntry;
import org.her2feeds.parse.ParsedFeed;
import org.her2feeds.sources.Source;
import org.her2feeds.sources.SourceCatalog;
import org.her2feeds.store.ArticleStore;
import org.her2feeds.store.NewArticle;
import org.her2feeds.store.SaveSummary;
import org.her2feeds.store.SourceState;
import org.her2feeds.store.SourceStates;
import org.her2feeds.tagging.Tagger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Runs one source through the pipeline: fetch, parse, clean, tag, store, and records what happened on the
 * source. Whatever goes wrong with one source ends here as that source's recorded error; it never escapes
 * to the scheduler or touches other sources.
 */
@Service
public class IngestService {

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);
    private static final String GONE = "gone:";

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

    public IngestService(SourceCatalog catalog, SourceStates states, FeedFetcher fetcher, FeedParser parser,
            ContentCleaner cleaner, Tagger tagger, ArticleStore store, IngestProperties properties, Clock clock,
            ApplicationEventPublisher events) {
        this.catalog = catalog;
        this.states = states;
        this.fetcher = fetcher;
        this.parser = parser;
        this.mapper = new EntryMapper(cleaner, tagger);
        this.store = store;
        this.nextFetch = new NextFetchPolicy(properties.maxBackoff());
        this.properties = properties;
        this.clock = clock;
        this.events = events;
    }

    /** The enabled sources that are not retired (gone, paused): those that should have a schedule. */
    public List<Source> activeSources() {
        // The states of all sources in one query, not one per source: thousands of sources are read at start-up.
        java.util.Map<String, SourceState> byId = new java.util.HashMap<>();
        states.all().forEach(state -> byId.put(state.sourceId(), state));
        return catalog.enabled().stream()
                .filter(source -> byId.get(source.id()) == null || stopReason(source, byId.get(source.id())) == null)
                .toList();
    }

    /** When each source that has been fetched before is planned to be fetched next, by source id. */
    public java.util.Map<String, Instant> plannedFetches() {
        java.util.Map<String, Instant> planned = new java.util.HashMap<>();
        states.all().stream().filter(state -> state.nextFetchAt() != null)
                .forEach(state -> planned.put(state.sourceId(), state.nextFetchAt()));
        return planned;
    }

    /** When the source was last planned to be fetched next, if it has been fetched before. */
    public java.util.Optional<Instant> plannedFetch(String sourceId) {
        return states.find(sourceId).map(SourceState::nextFetchAt);
    }

    /** Fetches and stores one source now. */
    public IngestOutcome ingest(String sourceId) {
        Instant started = clock.instant();
        Source source = catalog.find(sourceId).orElse(null);
        if (source == null) {
            return new IngestOutcome(sourceId, null, 0, 0, 0, 0, 0, 0, "unknown source '" + sourceId + "'", null, Duration.ZERO);
        }
        SourceState state = currentState(source);
        if (!source.enabled() || state.disabledReason() != null) {
            String why = state.disabledReason() != null ? state.disabledReason() : "disabled in the sources file";
            return new IngestOutcome(sourceId, null, 0, 0, 0, 0, 0, 0, "not fetched: " + why, null, Duration.ZERO);
        }
        IngestOutcome outcome;
        try {
            outcome = run(source, state, started);
        } catch (RuntimeException e) {
            // A bug or a database problem while handling this source must not stop the others.
            log.error("source={} ingest failed unexpectedly", sourceId, e);
            outcome = recordFailure(source, state, started, null, e.getClass().getSimpleName() + ": " + e.getMessage(), null, false);
        }
        log.info("source={} status={} new={} updated={} unchanged={} duplicates={} irrelevant={} rejected={} duration={}ms{}",
                sourceId, outcome.status(), outcome.added(), outcome.updated(), outcome.unchanged(), outcome.duplicates(),
                outcome.irrelevant(), outcome.rejected(), outcome.duration().toMillis(),
                outcome.error() == null ? "" : " error=\"" + outcome.error() + "\"");
        events.publishEvent(new IngestCompleted(outcome));
        return outcome;
    }

    /** The state to fetch with; an operator's edit of the URL resets what was learnt about the old one. */
    private SourceState currentState(Source source) {
        String configured = source.url().toString();
        SourceState state = states.find(source.id()).orElse(SourceState.initial(source.id()));
        if (!configured.equals(state.configuredUrl())) {
            return new SourceState(source.id(), configured, configured, null, null, state.lastAttemptAt(),
                    state.lastSuccessAt(), state.lastStatus(), state.lastError(), state.consecutiveFailures(),
                    state.nextFetchAt(), stopReason(source, state), null, 0);
        }
        return state;
    }

    /**
     * Why a listed source is not fetched, or null. A source retired by 410 Gone comes back when the operator gives
     * it a new URL; a pause stays until the operator resumes it.
     */
    private static String stopReason(Source source, SourceState state) {
        String reason = state.disabledReason();
        if (reason != null && reason.startsWith(GONE) && !source.url().toString().equals(state.configuredUrl())) {
            return null;
        }
        return reason;
    }

    private IngestOutcome run(Source source, SourceState state, Instant started) {
        URI url = URI.create(state.currentUrl());
        FetchResult result = fetcher.fetch(new FetchRequest(source.id(), url, state.etag(), state.lastModified()));
        SourceState redirected = followRedirects(state, result);
        if (result instanceof Failed failed) {
            String error = failed.errorClass() + ": " + failed.message();
            return recordFailure(source, redirected, started, failed.status(), error, failed.retryAfter(), failed.gone());
        }
        if (result instanceof NotModified notModified) {
            return recordSuccess(source, redirected, started, notModified.status(), notModified.etag(),
                    notModified.lastModified(), notModified.maxAge(), SaveSummary.NOTHING, 0, 0);
        }
        Fetched fetched = (Fetched) result;
        ParsedFeed feed;
        try {
            feed = parser.parse(fetched.body(), fetched.contentType(), fetched.finalUrl());
        } catch (FeedParseException e) {
            return recordFailure(source, redirected, started, fetched.status(), "FeedParseException: " + e.getMessage(), null, false);
        }
        List<NewArticle> articles = new ArrayList<>(feed.entries().size());
        int rejected = 0;
        URI documentBase = mapper.documentBase(feed, fetched.finalUrl());
        for (ParsedEntry entry : feed.entries()) {
            var article = mapper.map(source.id(), entry, documentBase);
            if (article.isPresent()) {
                articles.add(article.get());
            } else {
                rejected++;
            }
        }
        long withoutLink = articles.stream().filter(a -> a.link() == null).count();
        if (withoutLink > 0) {
            // Such articles reach readers without anything to click: worth an operator's look at the source.
            log.warn("source={} articles_without_link={} of {} (no usable link, DOI or PubMed id)", source.id(),
                    withoutLink, articles.size());
        }
        int irrelevant = (int) articles.stream().filter(a -> !a.tagging().relevant()).count();
        // Marks the start of the one transaction that stores the feed (the crash-safety test kills the process here).
        log.debug("source={} storing {} articles in one transaction", source.id(), articles.size());
        // The source's kind decides whose copy is shown when several sources carry one article.
        SaveSummary saved = store.saveFeed(source.id(), source.kind(), articles);
        Duration requested = longest(fetched.maxAge(), feed.ttlMinutes() == null ? null : Duration.ofMinutes(feed.ttlMinutes()));
        return recordSuccess(source, redirected, started, fetched.status(), fetched.etag(), fetched.lastModified(),
                requested, saved, irrelevant, rejected);
    }

    /**
     * A permanent redirect is adopted only once it has been seen on several consecutive fetches; temporary ones
     * and a single 301 leave the stored URL alone.
     */
    private SourceState followRedirects(SourceState state, FetchResult result) {
        URI target = result.permanentRedirect();
        if (target == null) {
            return withRedirect(state, state.currentUrl(), null, 0);
        }
        int streak = Objects.equals(target.toString(), state.redirectTarget()) ? state.redirectStreak() + 1 : 1;
        if (streak >= properties.redirectConfirmations()) {
            log.info("source={} moved permanently: {} -> {} (seen on {} consecutive fetches); the new URL is used from now on",
                    state.sourceId(), state.currentUrl(), target, streak);
            return withRedirect(state, target.toString(), null, 0);
        }
        return withRedirect(state, state.currentUrl(), target.toString(), streak);
    }

    private static SourceState withRedirect(SourceState s, String currentUrl, String target, int streak) {
        boolean moved = !Objects.equals(currentUrl, s.currentUrl());
        return new SourceState(s.sourceId(), s.configuredUrl(), currentUrl, moved ? null : s.etag(),
                moved ? null : s.lastModified(), s.lastAttemptAt(), s.lastSuccessAt(), s.lastStatus(), s.lastError(),
                s.consecutiveFailures(), s.nextFetchAt(), s.disabledReason(), target, streak);
    }

    private IngestOutcome recordSuccess(Source source, SourceState s, Instant started, Integer status, String etag,
            String lastModified, Duration requested, SaveSummary saved, int irrelevant, int rejected) {
        Instant now = clock.instant();
        String stopped = stoppedMeanwhile(s.sourceId());
        Instant next = stopped != null ? null : nextFetch.afterSuccess(source, now, requested);
        states.save(new SourceState(s.sourceId(), s.configuredUrl(), s.currentUrl(), etag, lastModified, started, now,
                status, null, 0, next, stopped, s.redirectTarget(), s.redirectStreak()));
        // Items the store could not keep count with those that had nothing to show: the rest of the feed is stored.
        return new IngestOutcome(source.id(), status, saved.added(), saved.updated(), saved.unchanged(),
                saved.duplicates(), irrelevant, rejected + saved.rejected(), null, next, Duration.between(started, now));
    }

    private IngestOutcome recordFailure(Source source, SourceState s, Instant started, Integer status, String error,
            Duration retryAfter, boolean gone) {
        Instant now = clock.instant();
        int failures = s.consecutiveFailures() + 1;
        String stopped = stoppedMeanwhile(s.sourceId());
        Instant next = gone || stopped != null ? null : nextFetch.afterFailure(source, now, failures, retryAfter);
        String disabled = gone ? GONE + " the server answered 410 Gone at " + now : stopped;
        states.save(new SourceState(s.sourceId(), s.configuredUrl(), s.currentUrl(), s.etag(), s.lastModified(), started,
                s.lastSuccessAt(), status, error, failures, next, disabled, s.redirectTarget(), s.redirectStreak()));
        return new IngestOutcome(source.id(), status, 0, 0, 0, 0, 0, 0, error, next, Duration.between(started, now));
    }

    /** An operator may pause the source while its fetch runs; the fetch's own record must not undo that. */
    private String stoppedMeanwhile(String sourceId) {
        return states.find(sourceId).map(SourceState::disabledReason).filter(reason -> !reason.startsWith(GONE)).orElse(null);
    }

    private static Duration longest(Duration a, Duration b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }
}
