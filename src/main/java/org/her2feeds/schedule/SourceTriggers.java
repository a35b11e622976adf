package org.her2feeds.schedule;

import java.time.Duration;
import java.util.Date;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.stereotype.Component;

/** How sources map to Quartz jobs and triggers: one durable job and one repeating trigger per source id. */
@Component
class SourceTriggers {

    static final String GROUP = "sources";
    private static final String ONE_OFF_GROUP = "sources-now";

    public JobKey jobKey(String sourceId) {
        return JobKey.jobKey(sourceId, GROUP);
    }

    public TriggerKey triggerKey(String sourceId) {
        return TriggerKey.triggerKey(sourceId, GROUP);
    }

    JobDetail job(String sourceId) {
        // requestRecovery: a fetch cut short by a crash runs again as soon as the scheduler is back, rather than
        // waiting a whole interval (nothing of an interrupted feed was stored: it is one transaction).
        return JobBuilder.newJob(FetchSourceJob.class)
                .withIdentity(jobKey(sourceId))
                .storeDurably()
                .requestRecovery()
                .withDescription("Fetch source " + sourceId)
                .build();
    }

    /**
     * Repeats at the source's interval from {@code first}. After downtime a missed fire runs once, now, and the
     * count continues from there, rather than once for every interval that was missed.
     */
    Trigger periodic(String sourceId, Duration interval, Date first) {
        return TriggerBuilder.newTrigger()
                .withIdentity(triggerKey(sourceId))
                .forJob(jobKey(sourceId))
                .startAt(first)
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(interval.toMillis())
                        .repeatForever()
                        .withMisfireHandlingInstructionNowWithExistingCount())
                .build();
    }

    /** A single extra run, for an operator's "fetch now"; it leaves the regular trigger as it is. */
    Trigger oneOff(String sourceId) {
        return TriggerBuilder.newTrigger()
                .withIdentity(sourceId + "-" + System.nanoTime(), ONE_OFF_GROUP)
                .forJob(jobKey(sourceId))
                .startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
    }

    /** An operator's "fetch now", or Quartz re-running a fetch a crash interrupted: the regular trigger stays. */
    static boolean isOneOff(Trigger trigger) {
        String group = trigger.getKey().getGroup();
        return ONE_OFF_GROUP.equals(group) || org.quartz.Scheduler.DEFAULT_RECOVERY_GROUP.equals(group);
    }

    Duration intervalOf(Trigger trigger) {
        return Duration.ofMillis(((SimpleTrigger) trigger).getRepeatInterval());
    }
}
