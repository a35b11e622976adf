package org.her2feeds.store;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.her2feeds.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The archive's change counter, held in memory so that a poll of an unchanged output costs no query.
 * Every committed change bumps the counter in the database; this instance refreshes its copy at once after
 * its own writes and every few seconds for the writes of other instances of a cluster, and announces each
 * new value with {@link ArticlesChanged}.
 */
@Component
public class ArticleVersion implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ArticleVersion.class);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final StoreProperties properties;
    private final AtomicLong current = new AtomicLong(-1);
    private final AtomicLong lastMadeHere = new AtomicLong(-1);
    private ScheduledExecutorService poller;

    ArticleVersion(JdbcClient jdbc, ApplicationEventPublisher events, StoreProperties properties) {
        this.jdbc = jdbc;
        this.events = events;
        this.properties = properties;
    }

    /** The last known version; cheap. */
    public long current() {
        long value = current.get();
        return value >= 0 ? value : refresh();
    }

    /** Reads the counter and announces it when it moved. */
    long refresh() {
        long fresh = jdbc.sql("SELECT long_value FROM store_meta WHERE name = 'articles_version'")
                .query(Long.class)
                .single();
        long previous = current.getAndAccumulate(fresh, Math::max);
        if (fresh > previous) {
            events.publishEvent(new ArticlesChanged(fresh));
        }
        return Math.max(previous, fresh);
    }

    /**
     * The counter value of the last change this instance made, or -1 before its first: in a cluster, what tells a
     * change made here from one another instance made. It is raised before the change commits, so whatever reads
     * the archive and sees the change reads this value afterwards and finds it raised.
     */
    public long lastMadeHere() {
        return lastMadeHere.get();
    }

    /** Counts one change of the archive; called inside the transaction that makes it, so both commit together. */
    void bump() {
        jdbc.sql("UPDATE store_meta SET long_value = long_value + 1 WHERE name = 'articles_version'")
                .update();
        // The row stays locked until the commit, so no other instance takes the value read here.
        long mine = jdbc.sql("SELECT long_value FROM store_meta WHERE name = 'articles_version'")
                .query(Long.class)
                .single();
        lastMadeHere.accumulateAndGet(mine, Math::max);
    }

    @Override
    public void start() {
        poller = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("article-version-poll"));
        long millis = properties.changePollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::refreshQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("Could not read the archive's change counter: {}", e.getMessage());
        }
    }

    @Override
    public void stop() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }
}
