package org.her2feeds.ops;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.her2feeds.Her2FeedsApplication;
import org.her2feeds.schedule.SourceScheduler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Scheduler;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stopping the service while a fetch is in flight: Quartz waits for the job, so the feed that was being read is
 * stored completely (every article with its keys, source and topics) before the database closes.
 */
class GracefulShutdownTest {

    @TempDir
    Path work;

    @Test
    void aFetchInFlightAtShutdownIsStoredCompletely() throws Exception {
        WireMockServer remote =
                new WireMockServer(WireMockConfiguration.options().dynamicPort());
        remote.start();
        try {
            try (var in = getClass().getClassLoader().getResourceAsStream("e2e/journal.rss.xml")) {
                remote.stubFor(get("/journal.rss")
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withFixedDelay(3000)
                                .withHeader("Content-Type", "application/rss+xml")
                                .withBody(in.readAllBytes())));
            }
            Files.writeString(work.resolve("sources.yml"), """
                    sources:
                      - id: journal
                        title: Journal
                        url: %s/journal.rss
                    """.formatted(remote.baseUrl()));
            ConfigurableApplicationContext context = new SpringApplicationBuilder(Her2FeedsApplication.class)
                    .run(
                            "--server.port=0",
                            "--her2.sources-file=" + work.resolve("sources.yml"),
                            "--her2.data-dir=" + work.resolve("data"),
                            "--her2.fetch.allow-private-addresses=true",
                            "--her2.schedule.first-fetch-window=PT10M");
            Scheduler scheduler = context.getBean(Scheduler.class);
            context.getBean(SourceScheduler.class).fetchNow("journal");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !scheduler.getCurrentlyExecutingJobs().isEmpty());

            context.close();
        } finally {
            remote.stop();
        }

        try (Connection db = DriverManager.getConnection(
                        "jdbc:h2:file:" + work.resolve("data").resolve("her2")
                                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                        "sa",
                        "");
                Statement sql = db.createStatement()) {
            assertThat(count(sql, "SELECT COUNT(*) FROM article"))
                    .as("the feed's articles")
                    .isEqualTo(3);
            assertThat(count(
                            sql,
                            "SELECT COUNT(*) FROM article a WHERE NOT EXISTS (SELECT 1 FROM article_key k "
                                    + "WHERE k.article_id = a.id)"))
                    .isZero();
            assertThat(count(
                            sql,
                            "SELECT COUNT(*) FROM article a WHERE NOT EXISTS (SELECT 1 FROM article_source s "
                                    + "WHERE s.article_id = a.id)"))
                    .isZero();
            assertThat(count(sql, "SELECT COUNT(*) FROM article_topic")).isPositive();
            assertThat(count(
                            sql, "SELECT COUNT(*) FROM source_state WHERE source_id = 'journal' AND last_status = 200"))
                    .isEqualTo(1);
        }
    }

    private static long count(Statement sql, String query) throws Exception {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
