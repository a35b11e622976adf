package org.her2feeds.store;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Test-only: lets the crash-safety test prove that its kill lands inside the transaction that stores a feed. When
 * the JVM system property {@value #PROPERTY} names a source, storing that source's feed stops after every row is
 * written and before the commit, logs {@value #HOLDING}, and waits there until the process is killed. Never set
 * in production (it is a JVM system property, not a setting of the service).
 */
final class TransactionHoldHook {

    static final String PROPERTY = "her2.test.hold-feed-transaction";
    static final String HOLDING = "holding the feed's transaction open before its commit";

    private static final Logger log = LoggerFactory.getLogger(TransactionHoldHook.class);

    private TransactionHoldHook() {}

    static void holdIfRequested(String sourceId, SaveSummary written) {
        if (!sourceId.equals(System.getProperty(PROPERTY))) {
            return;
        }
        log.warn(
                "source={} {} (test hook {}): added={} written, not committed",
                sourceId,
                HOLDING,
                PROPERTY,
                written.added());
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while holding the transaction open (test hook)", e);
        }
    }
}
