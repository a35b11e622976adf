package org.her2feeds.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time spent by a server, for CPU per request: unlike requests per second it barely moves when other work shares
 * the cores. The service runs in the benchmark's JVM beside the load generator, so only Tomcat's own threads count.
 */
final class ServerCpu {

    /** Linux reports process times in clock ticks of 1/100 s (USER_HZ, the same on every architecture it runs on). */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ServerCpu() {}

    /** CPU time of the live Tomcat connector threads (acceptor, poller, request threads: http-nio-*), in ns. */
    static long tomcatNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("http-nio-")) {
                long nanos = threads.getThreadCpuTime(info.getThreadId());
                sum += Math.max(0, nanos);
            }
        }
        return sum;
    }

    /** Bytes allocated by the live Tomcat connector threads (http-nio-*): what requests cost the collector. */
    static long tomcatAllocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("http-nio-")) {
                sum += Math.max(0, threads.getThreadAllocatedBytes(info.getThreadId()));
            }
        }
        return sum;
    }

    /** User and system CPU time of a process and its descendants (nginx's master and workers), in ns. */
    static long processTreeNanos(ProcessHandle root) {
        return Stream.concat(Stream.of(root), root.descendants())
                .mapToLong(ServerCpu::processNanos)
                .sum();
    }

    private static long processNanos(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // Fields after the command name (in parentheses, which may hold spaces): utime is the 14th field overall.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
