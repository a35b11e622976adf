package org.her2feeds.ops;

import java.time.Clock;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SchedulerMetaData;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code scheduler} component of /actuator/health: DOWN when this instance's scheduler is not running;
 * WARNING when fetches are overdue (waiting triggers whose time passed more than {@code her2.ops.overdue-after}
 * ago: every scheduler of the cluster is saturated or stopped). Overdue triggers are counted with one query on
 * Quartz's table, as walking thousands of triggers through the Quartz API would take a query each.
 */
@Component("scheduler")
class SchedulerHealthIndicator implements HealthIndicator {

    private final Scheduler scheduler;
    private final JdbcClient jdbc;
    private final SchedulerLag lag;
    private final OpsProperties properties;
    private final Clock clock;

    public SchedulerHealthIndicator(
            Scheduler scheduler, JdbcClient jdbc, SchedulerLag lag, OpsProperties properties, Clock clock) {
        this.scheduler = scheduler;
        this.jdbc = jdbc;
        this.lag = lag;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Health health() {
        try {
            SchedulerMetaData meta = scheduler.getMetaData();
            boolean running = scheduler.isStarted() && !scheduler.isShutdown() && !scheduler.isInStandbyMode();
            long overdue = jdbc.sql("""
                    SELECT COUNT(*) FROM qrtz_triggers
                    WHERE sched_name = :scheduler AND trigger_state = 'WAITING' AND next_fire_time < :threshold""")
                    .param("scheduler", scheduler.getSchedulerName())
                    .param(
                            "threshold",
                            clock.millis() - properties.overdueAfter().toMillis())
                    .query(Long.class)
                    .single();
            Health.Builder health =
                    !running ? Health.down() : overdue > 0 ? Health.status(SourcesHealth.WARNING) : Health.up();
            return health.withDetail("running", running)
                    .withDetail("instanceId", scheduler.getSchedulerInstanceId())
                    .withDetail("clustered", meta.isJobStoreClustered())
                    .withDetail(
                            "jobs",
                            scheduler.getJobKeys(GroupMatcher.anyJobGroup()).size())
                    .withDetail(
                            "executingHere",
                            scheduler.getCurrentlyExecutingJobs().size())
                    .withDetail("threads", meta.getThreadPoolSize())
                    .withDetail("overdueTriggers", overdue)
                    .withDetail("lastFireLagMillis", lag.lastLagMillis())
                    .build();
        } catch (SchedulerException e) {
            return Health.down(e).build();
        }
    }
}
