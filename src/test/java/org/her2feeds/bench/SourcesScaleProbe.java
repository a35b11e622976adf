package org.her2feeds.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.her2feeds.schedule.SourceScheduler;
import org.quartz.Scheduler;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Run in a JVM of its own (so the heap it reports is the service's, not the benchmark's): starts the service
 * with a large sources file, Quartz running, and reports start-up time, heap after a full GC, the time
 * SourceScheduler.synchronize() takes with every job in place and from an empty schedule, and the CPU the idle
 * scheduler burns. Prints {@code RESULT key=value} lines for the benchmark to collect.
 */
public final class SourcesScaleProbe {

    private SourcesScaleProbe() {}

    public static void main(String[] args) throws Exception {
        Path sources = Path.of(args[0]);
        Path data = Path.of(args[1]);
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long started = System.nanoTime();
        Map<String, Object> properties = BenchContext.properties(sources, data);
        properties.put("spring.quartz.auto-startup", "true");
        properties.put("server.port", "0");
        // Every source was fetched "never": spread over a day, none fires while the probe watches.
        properties.put("her2.schedule.first-fetch-window", "P1D");
        try (ConfigurableApplicationContext context = BenchContext.start(properties, true)) {
            long contextMillis = (System.nanoTime() - started) / 1_000_000;
            long cpuToReady = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                            .getProcessCpuTime()
                    / 1_000_000;
            long sinceJvmStart = System.currentTimeMillis() - jvmStart;
            long heap = HeapWatch.usedAfterGc();
            SourceScheduler scheduler = context.getBean(SourceScheduler.class);
            Scheduler quartz = context.getBean(Scheduler.class);
            long t = System.nanoTime();
            scheduler.synchronize();
            long steadyMillis = (System.nanoTime() - t) / 1_000_000;
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuBefore = os.getProcessCpuTime();
            Thread.sleep(10_000);
            long idleCpuMillis = (os.getProcessCpuTime() - cpuBefore) / 1_000_000;
            int jobs = quartz.getJobKeys(org.quartz.impl.matchers.GroupMatcher.anyJobGroup())
                    .size();
            quartz.standby();
            quartz.clear();
            t = System.nanoTime();
            scheduler.synchronize();
            long freshMillis = (System.nanoTime() - t) / 1_000_000;
            System.out.printf(
                    Locale.ROOT,
                    "RESULT context_ms=%d%nRESULT jvm_to_ready_ms=%d%nRESULT heap_after_gc_mb=%d%n"
                            + "RESULT cpu_to_ready_ms=%d%nRESULT jobs=%d%nRESULT sync_steady_ms=%d%nRESULT "
                            + "sync_fresh_ms=%d%nRESULT idle_cpu_ms_per_10s=%d%n",
                    contextMillis,
                    sinceJvmStart,
                    heap >> 20,
                    cpuToReady,
                    jobs,
                    steadyMillis,
                    freshMillis,
                    idleCpuMillis);
        }
    }
}
