package org.her2feeds.schedule;

import java.util.Date;
import org.her2feeds.ingest.IngestOutcome;
import org.her2feeds.ingest.IngestService;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches one source (the job's name is the source id) and moves the source's trigger to the time the
 * ingest asked for: the normal interval after a success, a backoff after a failure, none for a retired source.
 * Never two runs of one source at once, even across the instances of a cluster.
 */
@DisallowConcurrentExecution
class FetchSourceJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(FetchSourceJob.class);

    private final IngestService ingest;
    private final SourceTriggers triggers;

    public FetchSourceJob(IngestService ingest, SourceTriggers triggers) {
        this.ingest = ingest;
        this.triggers = triggers;
    }

    @Override
    public void execute(JobExecutionContext context) {
        String sourceId = context.getJobDetail().getKey().getName();
        IngestOutcome outcome = ingest.ingest(sourceId);
        Trigger trigger = context.getTrigger();
        try {
            if (outcome.nextFetchAt() == null) {
                context.getScheduler().unscheduleJob(trigger.getKey());
            } else if (!SourceTriggers.isOneOff(trigger)) {
                context.getScheduler()
                        .rescheduleJob(
                                trigger.getKey(),
                                triggers.periodic(
                                        sourceId, triggers.intervalOf(trigger), Date.from(outcome.nextFetchAt())));
            }
        } catch (SchedulerException e) {
            log.warn("source={} could not be rescheduled; it keeps its regular interval: {}", sourceId, e.getMessage());
        }
    }
}
