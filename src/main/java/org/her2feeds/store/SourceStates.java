package org.her2feeds.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.her2feeds.sources.Source;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads and writes the per-source state. Only the instance running a source's job writes its row. */
@Component
public class SourceStates {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public SourceStates(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public Optional<SourceState> find(String sourceId) {
        return jdbc.sql("SELECT * FROM source_state WHERE source_id = :id")
                .param("id", sourceId)
                .query(this::state)
                .optional();
    }

    public List<SourceState> all() {
        return jdbc.sql("SELECT * FROM source_state ORDER BY source_id")
                .query(this::state)
                .list();
    }

    /** Every recorded state by source id, in one query. */
    public Map<String, SourceState> byId() {
        return all().stream().collect(Collectors.toMap(SourceState::sourceId, Function.identity()));
    }

    /** One configured source with the state a fetch of it starts from and its status (see {@link SourceStatus#of}). */
    public record Standing(Source source, SourceState state, SourceStatus status) {

        static Standing of(Source source, SourceState recorded) {
            SourceState state = SourceStatus.current(source, recorded);
            return new Standing(source, state, SourceStatus.of(source, state));
        }
    }

    public Standing standing(Source source) {
        return Standing.of(source, find(source.id()).orElse(null));
    }

    /** The standing of each of these sources, in the order given, from one query. */
    public List<Standing> standings(List<Source> sources) {
        Map<String, SourceState> recorded = byId();
        return sources.stream()
                .map(source -> Standing.of(source, recorded.get(source.id())))
                .toList();
    }

    /**
     * Changes one source's stored state from what is stored now, holding its row from the read to the write: two
     * writers (a fetch recording its outcome, an operator pausing the source) never overwrite each other's change
     * with a state read before it. {@code change} receives null when nothing is stored yet.
     */
    public SourceState change(String sourceId, UnaryOperator<SourceState> change) {
        return transactions.execute(status -> {
            SourceState latest = jdbc.sql("SELECT * FROM source_state WHERE source_id = :id FOR UPDATE")
                    .param("id", sourceId)
                    .query(this::state)
                    .optional()
                    .orElse(null);
            SourceState changed = change.apply(latest);
            save(changed);
            return changed;
        });
    }

    public void save(SourceState s) {
        int updated = jdbc.sql("""
                UPDATE source_state SET configured_url = :configured, current_url = :url, etag = :etag,
                    last_modified = :lastModified,
                    last_attempt_at = :attempt, last_success_at = :success, last_status = :status, last_error = :error,
                    consecutive_failures = :failures, next_fetch_at = :next, stop_kind = :stopKind,
                        disabled_reason = :disabled,
                    redirect_target = :redirect, redirect_streak = :streak
                WHERE source_id = :id""").params(params(s)).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO source_state (source_id, configured_url, current_url, etag, last_modified,
                        last_attempt_at, last_success_at,
                        last_status, last_error, consecutive_failures, next_fetch_at, stop_kind, disabled_reason,
                            redirect_target, redirect_streak)
                    VALUES (:id, :configured, :url, :etag, :lastModified, :attempt, :success, :status, :error,
                        :failures, :next, :stopKind, :disabled,
                        :redirect, :streak) ON CONFLICT DO NOTHING""").params(params(s)).update();
        }
    }

    /**
     * Every value bounded to its column ({@link ColumnLimits}), so recording a fetch can never fail on what a
     * server sent: an ETag, Last-Modified or redirect target too long for its column is dropped (a cut one would
     * never match), an error text is cut. A current URL that does not fit is not adopted: the configured one is
     * fetched instead. A configured URL that does not fit is not remembered, so each run starts from it afresh.
     */
    private static java.util.Map<String, Object> params(SourceState s) {
        String configured =
                ColumnLimits.dropIfLonger(ColumnLimits.storable(s.configuredUrl()), ColumnLimits.SOURCE_URL);
        String current = ColumnLimits.dropIfLonger(ColumnLimits.storable(s.currentUrl()), ColumnLimits.SOURCE_URL);
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("id", s.sourceId());
        p.put("configured", configured);
        p.put("url", current != null ? current : configured);
        p.put("etag", ColumnLimits.dropIfLonger(ColumnLimits.storable(s.etag()), ColumnLimits.ETAG));
        p.put(
                "lastModified",
                ColumnLimits.dropIfLonger(ColumnLimits.storable(s.lastModified()), ColumnLimits.LAST_MODIFIED));
        p.put("attempt", Timestamps.of(s.lastAttemptAt()));
        p.put("success", Timestamps.of(s.lastSuccessAt()));
        p.put("status", s.lastStatus());
        p.put("error", ColumnLimits.cut(ColumnLimits.storable(s.lastError()), ColumnLimits.LAST_ERROR));
        p.put("failures", s.consecutiveFailures());
        p.put("next", Timestamps.of(s.nextFetchAt()));
        p.put("stopKind", s.stop() == null ? null : s.stop().kind().name());
        p.put(
                "disabled",
                s.stop() == null
                        ? null
                        : ColumnLimits.cut(ColumnLimits.storable(s.stop().reason()), ColumnLimits.DISABLED_REASON));
        p.put(
                "redirect",
                ColumnLimits.dropIfLonger(ColumnLimits.storable(s.redirectTarget()), ColumnLimits.SOURCE_URL));
        p.put("streak", s.redirectStreak());
        return p;
    }

    private SourceState state(ResultSet rs, int row) throws SQLException {
        return new SourceState(
                rs.getString("source_id"),
                rs.getString("configured_url"),
                rs.getString("current_url"),
                rs.getString("etag"),
                rs.getString("last_modified"),
                Timestamps.read(rs, "last_attempt_at"),
                Timestamps.read(rs, "last_success_at"),
                (Integer) rs.getObject("last_status", Integer.class),
                rs.getString("last_error"),
                rs.getInt("consecutive_failures"),
                Timestamps.read(rs, "next_fetch_at"),
                stop(rs),
                rs.getString("redirect_target"),
                rs.getInt("redirect_streak"));
    }

    private static SourceState.Stop stop(ResultSet rs) throws SQLException {
        String kind = rs.getString("stop_kind");
        return kind == null
                ? null
                : new SourceState.Stop(SourceState.Stop.Kind.valueOf(kind), rs.getString("disabled_reason"));
    }
}
