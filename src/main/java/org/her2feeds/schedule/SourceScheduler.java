package org.her2feeds.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.her2feeds.ingest.IngestService;
import org.her2feeds.sources.Source;
import org.quartz.JobDetail;
import org.quartz.JobPersistenceException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Brings the persistent Quartz schedule in line with the sources file: new sources are scheduled (never-fetched
 * ones spread over the first minute so they do not all start at once), removed and disabled ones unscheduled,
 * changed intervals rescheduled. Runs at start-up and on an operator's reload.
 */
@Component
@Order(10)
public class SourceScheduler implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SourceScheduler.class);
    private static final int MAX_ATTEMPTS = 5;

    private final Scheduler scheduler;
    private final IngestService ingest;
    private final SourceTriggers triggers;
    private final FirstFetchSpread firstFetches;
    private final Clock clock;
    private final JdbcClient jdbc;

    public SourceScheduler(
            Scheduler scheduler,
            IngestService ingest,
            SourceTriggers triggers,
            ScheduleProperties properties,
            Clock clock,
            JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.firstFetches = properties.firstFetchSpread();
        this.scheduler = scheduler;
        this.ingest = ingest;
        this.triggers = triggers;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) throws SchedulerException {
        for (int attempt = 1; ; attempt++) {
            try {
                synchronize();
                return;
            } catch (JobPersistenceException raced) {
                // Instances of a cluster starting together on a fresh database can both find a job missing and
                // both insert it; the loser sees the winner's jobs on a retry. With three instances a retry can
                // lose again (seen in the three-instance benchmark), so a few are allowed.
                if (attempt == MAX_ATTEMPTS) {
                    throw raced;
                }
                log.info(
                        "schedule: another instance scheduled the same sources at the same moment ({}); "
                                + "synchronising again",
                        raced.getMessage());
            }
        }
    }

    /** @return a one-line summary of what changed */
    public synchronized String synchronize() throws SchedulerException {
        List<Source> active = ingest.activeSources();
        // One query for every source's plan, and one Quartz transaction for every new job: per-source round
        // trips made a first start with 10,000 sources take about a minute.
        Map<String, Instant> planned = ingest.plannedFetches();
        Map<JobDetail, Set<? extends Trigger>> fresh = new LinkedHashMap<>();
        Instant now = clock.instant();
        Set<String> wanted = new HashSet<>();
        int added = 0;
        int rescheduled = 0;
        int newcomers = 0;
        Map<String, Duration> intervals = scheduledIntervals();
        Set<String> jobs = new HashSet<>();
        scheduler.getJobKeys(GroupMatcher.jobGroupEquals(SourceTriggers.GROUP)).forEach(key -> jobs.add(key.getName()));
        List<Source> changed = new ArrayList<>();
        int due = 0;
        for (Source source : active) {
            wanted.add(source.id());
            if (!source.interval().equals(intervals.get(source.id()))) {
                changed.add(source);
                Instant first = planned.get(source.id());
                due += first == null || first.isBefore(now) ? 1 : 0;
            }
        }
        for (Source source : changed) {
            Duration scheduled = intervals.get(source.id());
            Trigger existing = scheduled == null ? null : scheduler.getTrigger(triggers.triggerKey(source.id()));
            Instant first = planned.get(source.id());
            if (first == null || first.isBefore(now)) {
                // Never fetched, or overdue after downtime: each at its own moment of a window that grows with
                // how many they are.
                first = firstFetches.slot(now, newcomers++, due);
            } else if (existing != null && first.isAfter(now.plus(source.interval()))) {
                first = now.plus(source.interval());
            }
            Trigger trigger = triggers.periodic(source.id(), source.interval(), Date.from(first));
            if (existing == null) {
                fresh.put(triggers.job(source.id()), Set.of(trigger));
                added++;
            } else {
                if (!jobs.contains(source.id())) {
                    scheduler.addJob(triggers.job(source.id()), true);
                }
                scheduler.rescheduleJob(existing.getKey(), trigger);
                rescheduled++;
            }
        }
        if (!fresh.isEmpty()) {
            // Replacing, not failing: another instance of a cluster starting at the same moment may have scheduled
            // some of these sources already; either way each source ends with one job and one trigger.
            scheduler.scheduleJobs(fresh, true);
        }
        int removed = 0;
        for (String job : jobs) {
            if (!wanted.contains(job)) {
                scheduler.deleteJob(triggers.jobKey(job));
                removed++;
            }
        }
        String summary = "scheduled " + added + " new, rescheduled " + rescheduled + ", removed " + removed + ", "
                + wanted.size() + " sources active";
        log.info("Fetch schedule in line with the sources: {}", summary);
        return summary;
    }

    /**
     * The interval of every source's trigger, from one query on Quartz's own tables: through the Quartz API each
     * trigger is a query of its own, and a start with 100,000 sources spent about a minute on them.
     */
    private Map<String, Duration> scheduledIntervals() throws SchedulerException {
        Map<String, Duration> intervals = new HashMap<>();
        jdbc.sql("""
                SELECT t.trigger_name, s.repeat_interval FROM qrtz_triggers t
                JOIN qrtz_simple_triggers s ON s.sched_name = t.sched_name AND s.trigger_name = t.trigger_name
                    AND s.trigger_group = t.trigger_group
                WHERE t.sched_name = :scheduler AND t.trigger_group = :group""")
                .param("scheduler", scheduler.getSchedulerName())
                .param("group", SourceTriggers.GROUP)
                .query((rs, row) -> intervals.put(rs.getString(1), Duration.ofMillis(rs.getLong(2))))
                .list();
        return intervals;
    }

    /** Runs a source's job once now, besides its regular trigger. */
    public void fetchNow(String sourceId) throws SchedulerException {
        scheduler.scheduleJob(triggers.oneOff(sourceId));
    }

    /** Next planned run of a source, if it is scheduled. */
    public Instant nextRun(String sourceId) throws SchedulerException {
        Trigger trigger = scheduler.getTrigger(triggers.triggerKey(sourceId));
        return trigger == null || trigger.getNextFireTime() == null
                ? null
                : trigger.getNextFireTime().toInstant();
    }
}
