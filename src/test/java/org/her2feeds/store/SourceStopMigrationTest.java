package org.her2feeds.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** V6 turns the "gone:" prefix of stored reasons into data: every stop keeps its words and gains its kind. */
class SourceStopMigrationTest {

    @Test
    void existingReasonsBecomeGoneOrPaused() {
        try (HikariDataSource db = Migrations.H2
                .upTo("5")
                .migratedPool(
                        "jdbc:h2:mem:v6-migration;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                                + "DB_CLOSE_DELAY=-1",
                        null,
                        null)) {
            JdbcClient jdbc = JdbcClient.create(db);
            jdbc.sql("INSERT INTO source_state (source_id, disabled_reason) VALUES ('g', 'gone: the server "
                            + "answered 410 Gone at 2026-11-29T12:00:00Z')")
                    .update();
            jdbc.sql("INSERT INTO source_state (source_id, disabled_reason) VALUES ('p', 'paused by operator')")
                    .update();
            jdbc.sql("INSERT INTO source_state (source_id) VALUES ('a')").update();

            Migrations.H2.applyTo(db);

            SourceStates states = new SourceStates(jdbc, new TransactionTemplate(new DataSourceTransactionManager(db)));
            assertThat(states.find("g").orElseThrow().stop())
                    .isEqualTo(new SourceState.Stop(
                            SourceState.Stop.Kind.GONE, "the server answered 410 Gone at 2026-11-29T12:00:00Z"));
            assertThat(states.find("g").orElseThrow().disabledReason())
                    .isEqualTo("gone: the server answered 410 Gone at 2026-11-29T12:00:00Z");
            assertThat(states.find("p").orElseThrow().stop())
                    .isEqualTo(new SourceState.Stop(SourceState.Stop.Kind.PAUSED, "paused by operator"));
            assertThat(states.find("a").orElseThrow().stop()).isNull();

            states.save(states.find("a").orElseThrow().paused());
            assertThat(states.find("a").orElseThrow().stop().kind()).isEqualTo(SourceState.Stop.Kind.PAUSED);
            states.save(states.find("a").orElseThrow().resumed());
            assertThat(states.find("a").orElseThrow().stop()).isNull();
        }
    }
}
