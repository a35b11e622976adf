package org.her2feeds.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.her2feeds.CoalescingWorker;
import org.her2feeds.store.ArticleVersion;
import org.her2feeds.store.ArticlesChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the WebSub hub ({@code her2.publish.websub.hub}) which published feeds changed, after each change of the
 * archive. A feed changed when what it renders to changed ({@link FeedService#contentHash}): a fetch that stores
 * nothing new, or changes articles no feed shows, sends nothing; a new article in one topic sends the merged feed
 * and that topic's feed, in every format. The work runs on a thread of its own, so the ingest that made the change
 * never waits for the hub; changes that arrive meanwhile are folded into one more comparison.
 *
 * <p>In a cluster every instance learns of every change (and compares, to know what is current), but only the
 * instance that made a change notifies the hub of it ({@link ArticleVersion#lastMadeHere}); when changes of two
 * instances land between two comparisons, both feeds may be sent twice, which costs the hub one fetch.
 */
@Component
class FeedChangeNotifier implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeedChangeNotifier.class);

    private final WebSubProperties properties;
    private final PublishedFeeds published;
    private final FeedService feeds;
    private final FeedHub hub;
    private final HubNotifications notifications;
    private final ArticleVersion version;
    private final CoalescingWorker worker = new CoalescingWorker("websub");

    /** What each feed rendered to when last compared, by topic URL; touched by the worker (and start) only. */
    private Map<String, String> shown = Map.of();
    /** The last change made here that the compared contents surely showed: changes up to it were notified. */
    private long comparedUpTo;

    private volatile boolean running;

    FeedChangeNotifier(
            WebSubProperties properties,
            PublishedFeeds published,
            FeedService feeds,
            FeedHub hub,
            HubNotifications notifications,
            ArticleVersion version) {
        this.properties = properties;
        this.published = published;
        this.feeds = feeds;
        this.hub = hub;
        this.notifications = notifications;
        this.version = version;
    }

    @EventListener
    void onArticlesChanged(ArticlesChanged event) {
        if (running) {
            worker.request(this::compareQuietly);
        }
    }

    /** Compares every feed with what it showed last time and notifies the hub of those that changed here. */
    synchronized void compare() {
        // Changes up to the announced version committed before the contents are read, so the contents show them.
        long announced = version.current();
        Map<String, String> now = contents();
        // Read after the contents: a change made here that they show was counted before it committed.
        long madeHere = version.lastMadeHere();
        List<String> changed = new ArrayList<>();
        now.forEach((url, content) -> {
            if (!Objects.equals(shown.get(url), content)) {
                changed.add(url);
            }
        });
        shown = now;
        boolean ours = madeHere > comparedUpTo;
        // A change made here that may have committed only while the contents were read stays to be notified next
        // time, when they surely show it: sending a feed twice costs the hub a fetch, missing it costs the readers.
        comparedUpTo = Math.max(comparedUpTo, Math.min(madeHere, announced));
        if (ours) {
            notifications.publish(changed);
        }
    }

    private Map<String, String> contents() {
        Map<String, String> contents = new LinkedHashMap<>();
        for (PublishedFeed feed : published.all()) {
            String url = hub.topicUrl(feed);
            contents.put(url, feeds.contentHash(feed, hub.base(), url));
        }
        return contents;
    }

    private void compareQuietly() {
        try {
            compare();
        } catch (RuntimeException e) {
            log.warn("Could not tell which feeds changed for the WebSub hub {}: {}", properties.hub(), e.toString());
        }
    }

    /** Takes what every feed shows at start-up as the point changes are compared with. */
    @Override
    public synchronized void start() {
        if (properties.enabled()) {
            long announced = version.current();
            shown = contents();
            comparedUpTo = Math.min(version.lastMadeHere(), announced);
            running = true;
        }
    }

    /** Before the schedule starts fetching: the first fetch is compared with what the feeds showed before it. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 1000;
    }

    @Override
    public void stop() {
        running = false;
        worker.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
