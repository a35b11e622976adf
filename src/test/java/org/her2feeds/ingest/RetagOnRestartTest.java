package org.her2feeds.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.her2feeds.Her2FeedsApplication;
import org.her2feeds.store.ArticleFilter;
import org.her2feeds.store.ArticleQueries;
import org.her2feeds.store.StoredArticle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.ConfigurableApplicationContext;

/** An operator edits topics.yml and restarts: articles already stored follow the new rules, soon after start-up. */
class RetagOnRestartTest {

    @TempDir
    Path dir;

    /** The embedded database's URL as the service works it out, seen by the first start. */
    private String serviceDatabaseUrl;

    @Test
    void storedArticlesAreReevaluatedWhenTheRulesChange() throws Exception {
        Path topics = archiveOfTwoArticlesThenNewRules();
        try (ConfigurableApplicationContext app = start(topics)) {
            // The re-evaluation runs beside fetching and serving, not before them: wait for it.
            assertThat(app.getBean(ArchiveReevaluation.class).startupDone().get(60, TimeUnit.SECONDS))
                    .as("articles the new rules changed")
                    .isEqualTo(1);
            assertThat(publishedTitles(app))
                    .containsExactly(
                            "Trastuzumab biosimilar switching in routine care",
                            "First-in-human study of tinkertumab in solid tumours");
            StoredArticle tinkertumab = app.getBean(ArticleQueries.class)
                    .newest(ArticleFilter.ALL, 10)
                    .get(1);
            assertThat(tinkertumab.relevanceHits())
                    .extracting(hit -> hit.term() + "@" + hit.field())
                    .contains("tinkertumab@title");
        }
    }

    @Test
    void startUpDoesNotWaitForTheArchiveToBeReevaluated() throws Exception {
        Path topics = archiveOfTwoArticlesThenNewRules();
        // Holding the stored rows' locks keeps the re-evaluation from writing until this test lets it: start-up
        // must return, and the archive be readable, while it waits. The same URL as the service's, so both share
        // one in-process database.
        try (Connection holder = DriverManager.getConnection(serviceDatabaseUrl, "sa", "")) {
            try (Statement settings = holder.createStatement()) {
                // For every session the service opens: long enough for a slow machine to wait on the held rows.
                settings.execute("SET DEFAULT_LOCK_TIMEOUT 120000");
            }
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.executeQuery("SELECT id FROM article FOR UPDATE").close();
            }
            try (ConfigurableApplicationContext app = start(topics)) {
                CompletableFuture<Integer> reevaluation =
                        app.getBean(ArchiveReevaluation.class).startupDone();
                assertThat(reevaluation)
                        .as("re-evaluation still held back after start-up")
                        .isNotDone();
                assertThat(publishedTitles(app))
                        .as("the archive serves the old rules' answer meanwhile")
                        .containsExactly("Trastuzumab biosimilar switching in routine care");
                holder.rollback();
                assertThat(reevaluation.get(60, TimeUnit.SECONDS)).isEqualTo(1);
                assertThat(publishedTitles(app)).hasSize(2);
            }
        }
    }

    /** Stores two articles under the shipped rules, then writes rules under which one more of them is relevant. */
    private Path archiveOfTwoArticlesThenNewRules() throws Exception {
        Files.writeString(dir.resolve("feed.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>T</title><link>https://t.example/</link><description>d</description>
                  <item><title>First-in-human study of tinkertumab in solid tumours</title>
                    <link>https://t.example/1</link><guid>t-1</guid><pubDate>Mon, 23 Nov 2026 10:00:00 GMT</pubDate>
                    <description>A novel bispecific antibody.</description></item>
                  <item><title>Trastuzumab biosimilar switching in routine care</title>
                    <link>https://t.example/2</link><guid>t-2</guid><pubDate>Mon, 23 Nov 2026 11:00:00 GMT</pubDate>
                    <description>Real-world data.</description></item>
                </channel></rss>
                """);
        Files.writeString(dir.resolve("sources.yml"), """
                sources:
                  - id: local
                    title: Local
                    url: file:feed.xml
                    interval: PT1H
                """);
        String rules = Files.readString(Path.of("config/topics.yml"));
        Path topics = dir.resolve("topics.yml");
        Files.writeString(topics, rules);

        try (ConfigurableApplicationContext app = start(topics)) {
            serviceDatabaseUrl = app.getBean(DataSourceProperties.class).getUrl();
            assertThat(app.getBean(IngestService.class).ingest("local").added()).isEqualTo(2);
            assertThat(publishedTitles(app)).containsExactly("Trastuzumab biosimilar switching in routine care");
        }

        // The operator learns that tinkertumab is a HER2 bispecific and adds it to the relevance terms.
        String edited = rules.replaceFirst(
                "(?m)^relevance:\\n(  description: .*\\n)  terms:\\n", "relevance:\n$1  terms:\n    - tinkertumab\n");
        assertThat(edited).isNotEqualTo(rules);
        Files.writeString(topics, edited);
        return topics;
    }

    private ConfigurableApplicationContext start(Path topics) {
        return new SpringApplicationBuilder(Her2FeedsApplication.class)
                .run(
                        "--spring.main.web-application-type=none",
                        "--spring.quartz.auto-startup=false",
                        "--her2.data-dir=" + dir.resolve("data"),
                        "--her2.sources-file=" + dir.resolve("sources.yml"),
                        "--her2.topics-file=" + topics);
    }

    private static java.util.List<String> publishedTitles(ConfigurableApplicationContext app) {
        return app.getBean(ArticleQueries.class).newest(ArticleFilter.ALL, 10).stream()
                .map(StoredArticle::title)
                .toList();
    }
}
