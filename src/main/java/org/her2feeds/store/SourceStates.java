package org.her2feeds.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads and writes the per-source state. Only the instance running a source's job writes its row. */
@Component
public class SourceStates {

    private final JdbcClient jdbc;

    public SourceStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<SourceState> find(String sourceId) {
        return jdbc.sql("SELECT * FROM source_state WHERE source_id = :id").param("id", sourceId).query(this::state).optional();
    }

    public List<SourceState> all() {
        return jdbc.sql("SELECT * FROM source_state ORDER BY source_id").query(this::state).list();
    }

    public void save(SourceState s) {
        int updated = jdbc.sql("""
                UPDATE source_state SET configured_url = :configured, current_url = :url, etag = :etag, last_modified = :lastModified,
                    last_attempt_at = :attempt, last_success_at = :success, last_status = :status, last_error = :error,
                    consecutive_failures = :failures, next_fetch_at = :next, disabled_reason = :disabled,
                    redirect_target = :redirect, redirect_streak = :streak
                WHERE source_id = :id""").params(params(s)).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO source_state (source_id, configured_url, current_url, etag, last_modified, last_attempt_at, last_success_at,
                        last_status, last_error, consecutive_failures, next_fetch_at, disabled_reason, redirect_target, redirect_streak)
                    VALUES (:id, :configured, :url, :etag, :lastModified, :attempt, :success, :status, :error, :failures, :next, :disabled,
                        :redirect, :streak) ON CONFLICT DO NOTHING""").params(params(s)).update();
        }
    }

    private static java.util.Map<String, Object> params(SourceState s) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("id", s.sourceId());
        p.put("configured", s.configuredUrl());
        p.put("url", s.currentUrl());
        p.put("etag", s.etag());
        p.put("lastModified", s.lastModified());
        p.put("attempt", Timestamps.of(s.lastAttemptAt()));
        p.put("success", Timestamps.of(s.lastSuccessAt()));
        p.put("status", s.lastStatus());
        p.put("error", truncate(s.lastError(), 1000));
        p.put("failures", s.consecutiveFailures());
        p.put("next", Timestamps.of(s.nextFetchAt()));
        p.put("disabled", truncate(s.disabledReason(), 200));
        p.put("redirect", truncate(s.redirectTarget(), 2000));
        p.put("streak", s.redirectStreak());
        return p;
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private SourceState state(ResultSet rs, int row) throws SQLException {
        return new SourceState(rs.getString("source_id"), rs.getString("configured_url"), rs.getString("current_url"), rs.getString("etag"),
                rs.getString("last_modified"), Timestamps.read(rs, "last_attempt_at"), Timestamps.read(rs, "last_success_at"),
                (Integer) rs.getObject("last_status", Integer.class), rs.getString("last_error"),
                rs.getInt("consecutive_failures"), Timestamps.read(rs, "next_fetch_at"), rs.getString("disabled_reason"),
                rs.getString("redirect_target"), rs.getInt("redirect_streak"));
    }

}
