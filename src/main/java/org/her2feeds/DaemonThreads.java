package org.her2feeds;

import java.util.concurrent.ThreadFactory;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Threads for the service's background work (fetch deadlines, change polling, static copies, hub pings). They are
 * daemons because work in progress there must never hold the JVM open at shutdown; named so a thread dump says
 * whose they are.
 */
public final class DaemonThreads {

    private DaemonThreads() {}

    /** A factory of daemon threads named {@code prefix-1}, {@code prefix-2}, … */
    public static ThreadFactory named(String prefix) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix + "-");
        threads.setDaemon(true);
        return threads;
    }
}
