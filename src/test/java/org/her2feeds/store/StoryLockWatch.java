package org.her2feeds.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * How a race test sees that a session waits for the story lock, so that it orders two transactions by a condition,
 * never by a time: each database names its sessions and shows their waits in its own way.
 */
enum StoryLockWatch {
    /** H2 shows the statement a session is executing: the one that takes the story lock. */
    H2("SELECT SESSION_ID()", """
            SELECT COUNT(*) FROM information_schema.sessions
            WHERE session_id = ? AND executing_statement LIKE '%FROM story_lock%FOR UPDATE%'"""),
    /** PostgreSQL shows a session's backend waiting for a lock. */
    POSTGRES(
            "SELECT pg_backend_pid()",
            "SELECT COUNT(*) FROM pg_stat_activity WHERE pid = ? AND wait_event_type = 'Lock'");

    /** Answers the session id of the connection it runs on. */
    final String sessionQuery;

    private final String waitingQuery;

    StoryLockWatch(String sessionQuery, String waitingQuery) {
        this.sessionQuery = sessionQuery;
        this.waitingQuery = waitingQuery;
    }

    long session(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sessionQuery);
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Watches the session on a connection of its own (the pool's may all be held by the racing transactions) until it
     * waits for the lock or its work ends.
     *
     * @return whether it was seen waiting
     */
    boolean untilWaiting(HikariDataSource pool, long session, Future<?> work) throws SQLException {
        try (Connection watcher =
                        DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
                PreparedStatement waits = watcher.prepareStatement(waitingQuery)) {
            waits.setLong(1, session);
            boolean waited = false;
            while (!(waited = isWaiting(waits)) && !work.isDone()) {
                Thread.onSpinWait();
            }
            return waited;
        }
    }

    /** Holds a racing transaction open until the test lets it go on. */
    static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isWaiting(PreparedStatement waits) throws SQLException {
        try (ResultSet rs = waits.executeQuery()) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }
}
