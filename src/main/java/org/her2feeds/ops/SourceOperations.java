package org.her2feeds.ops;

import java.util.List;
import java.util.function.UnaryOperator;
import org.her2feeds.http.RenderCache;
import org.her2feeds.ingest.ArchiveReevaluation;
import org.her2feeds.ingest.IngestService;
import org.her2feeds.schedule.SourceScheduler;
import org.her2feeds.sources.Source;
import org.her2feeds.sources.SourceCatalog;
import org.her2feeds.store.SourceState;
import org.her2feeds.store.SourceStates;
import org.her2feeds.store.SourceStatus;
import org.her2feeds.tagging.StoryLinks;
import org.her2feeds.tagging.Tagger;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * What an operator can do to a running service. Fetches go through the shared Quartz schedule, so a fetch asked
 * for on one instance may run on another, and never beside a scheduled run of the same source. Pauses are kept
 * in the database (the source's stop), so they survive restarts and hold for the whole cluster.
 */
@Service
class SourceOperations {

    private static final Logger log = LoggerFactory.getLogger(SourceOperations.class);

    private final SourceCatalog catalog;
    private final SourceStates states;
    private final IngestService ingest;
    private final SourceScheduler scheduler;
    private final Tagger tagger;
    private final StoryLinks storyLinks;
    private final ArchiveReevaluation reevaluation;
    private final ArticleGauges gauges;
    private final RenderCache renderCache;

    SourceOperations(
            SourceCatalog catalog,
            SourceStates states,
            IngestService ingest,
            SourceScheduler scheduler,
            Tagger tagger,
            StoryLinks storyLinks,
            ArchiveReevaluation reevaluation,
            ArticleGauges gauges,
            RenderCache renderCache) {
        this.catalog = catalog;
        this.states = states;
        this.ingest = ingest;
        this.scheduler = scheduler;
        this.tagger = tagger;
        this.storyLinks = storyLinks;
        this.reevaluation = reevaluation;
        this.gauges = gauges;
        this.renderCache = renderCache;
    }

    /** Schedules one extra run of an active source now. */
    public void fetchNow(String sourceId) throws SchedulerException {
        SourceStatus status = states.standing(known(sourceId)).status();
        if (!status.isActive()) {
            throw new ResponseStatusException(
                    HttpStatus.CONFLICT, "source '" + sourceId + "' is not active: " + status.notFetchedBecause());
        }
        scheduler.fetchNow(sourceId);
        log.info("source={} fetch requested by an operator", sourceId);
    }

    /** Schedules one extra run of every active source now; returns their ids. */
    public List<String> fetchAll() throws SchedulerException {
        List<String> ids = ingest.activeSources().stream().map(Source::id).toList();
        for (String id : ids) {
            scheduler.fetchNow(id);
        }
        log.info("Fetch of all {} active sources requested by an operator", ids.size());
        return ids;
    }

    public SourceState pause(String sourceId) throws SchedulerException {
        SourceState paused = save(sourceId, SourceState::paused);
        scheduler.synchronize();
        log.info("source={} paused by an operator", sourceId);
        return paused;
    }

    /** Clears any reason the source was stopped for (a pause, or a 410 Gone the operator knows is over). */
    public SourceState resume(String sourceId) throws SchedulerException {
        SourceState resumed = save(sourceId, SourceState::resumed);
        scheduler.synchronize();
        log.info("source={} resumed by an operator", sourceId);
        return resumed;
    }

    /** @return how many articles changed */
    public int retag() {
        return reevaluation.reevaluate();
    }

    /**
     * Reads stories.yml, topics.yml and sources.yml again, brings the schedule in line and re-tags the archive when
     * the rules changed. A bad file throws (naming file and line) and leaves that file's current version in force;
     * stories.yml is read first, so a bad one changes nothing. Story rules apply to articles grouped from then on.
     */
    public Reloaded reload() throws SchedulerException {
        boolean storyRulesChanged = storyLinks.reload();
        boolean rulesChanged = tagger.reload();
        gauges.registerTopics();
        int sources = catalog.reload().size();
        String schedule = scheduler.synchronize();
        int retagged = reevaluation.reevaluateIfRulesChanged();
        // Outputs name sources and topics: new titles, kinds or labels must show without waiting for new articles.
        renderCache.clear();
        log.info(
                "Reloaded by an operator: {} sources, rules changed: {}, story rules changed: {}, {} articles "
                        + "re-tagged",
                sources,
                rulesChanged,
                storyRulesChanged,
                retagged);
        return new Reloaded(sources, tagger.topics().size(), rulesChanged, storyRulesChanged, retagged, schedule);
    }

    private SourceState save(String sourceId, UnaryOperator<SourceState> change) {
        known(sourceId);
        return states.change(sourceId, stored -> change.apply(stored == null ? SourceState.initial(sourceId) : stored));
    }

    private Source known(String sourceId) {
        return catalog.find(sourceId)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "no source '" + sourceId + "' in the sources file"));
    }

    /**
     * What a reload did.
     *
     * @param rulesChanged      whether topics.yml or evidence.yml changed
     * @param storyRulesChanged whether stories.yml changed
     */
    public record Reloaded(
            int sources,
            int topics,
            boolean rulesChanged,
            boolean storyRulesChanged,
            int articlesRetagged,
            String schedule) {}
}
