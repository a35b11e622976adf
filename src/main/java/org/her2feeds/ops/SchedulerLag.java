package org.her2feeds.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.quartz.JobExecutionContext;
import org.quartz.listeners.JobListenerSupport;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.stereotype.Component;

/**
 * How late the last fetch started on this instance compared with when it was due: near zero normally; growing
 * when the scheduler's threads cannot keep up or an instance took over a dead one's overdue fetches.
 * Published as the gauge {@code her2.scheduler.lag} (seconds).
 */
@Component
class SchedulerLag extends JobListenerSupport implements SchedulerFactoryBeanCustomizer {

    private final AtomicLong lastLagMillis = new AtomicLong();

    public SchedulerLag(MeterRegistry registry) {
        Gauge.builder("her2.scheduler.lag", lastLagMillis, millis -> millis.get() / 1000.0)
                .baseUnit("seconds")
                .description("How late the last fetch job started after its scheduled time")
                .register(registry);
    }

    @Override
    public void customize(org.springframework.scheduling.quartz.SchedulerFactoryBean factory) {
        factory.setGlobalJobListeners(this);
    }

    @Override
    public String getName() {
        return "her2-scheduler-lag";
    }

    @Override
    public void jobToBeExecuted(JobExecutionContext context) {
        if (context.getScheduledFireTime() != null && context.getFireTime() != null) {
            lastLagMillis.set(Math.max(
                    0,
                    context.getFireTime().getTime()
                            - context.getScheduledFireTime().getTime()));
        }
    }

    long lastLagMillis() {
        return lastLagMillis.get();
    }
}
