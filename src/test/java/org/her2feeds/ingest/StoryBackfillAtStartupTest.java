package org.her2feeds.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.her2feeds.Her2FeedsApplication;
import org.her2feeds.store.Story;
import org.her2feeds.store.StoryQueries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An operator upgrades an archive stored before stories existed: its articles are grouped at start-up, once. */
class StoryBackfillAtStartupTest {

    @TempDir
    Path dir;

    @Test
    void anArchiveWithoutStoriesIsGroupedAtStartUpAndASecondStartChangesNothing() throws Exception {
        Files.writeString(dir.resolve("journal.xml"), feed("""
                <item><title>Zongertinib in Previously Treated HER2-Mutant Non-Small-Cell Lung Cancer</title>
                  <link>https://journal.example/z1</link><guid>z-1</guid>
                  <pubDate>Mon, 23 Nov 2026 10:00:00 GMT</pubDate>
                  <description>In the phase 1b Beamion LUNG-1 trial, zongertinib produced durable responses in
                  HER2-mutant non-small-cell lung cancer.</description></item>"""));
        Files.writeString(dir.resolve("news.xml"), feed("""
                <item><title>Beamion LUNG-1: zongertinib responses hold in HER2-mutant lung cancer</title>
                  <link>https://news.example/n1</link><guid>n-1</guid>
                  <pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate>
                  <description>The Beamion LUNG-1 results for zongertinib in HER2-mutant NSCLC were
                  published.</description></item>"""));
        Files.writeString(dir.resolve("sources.yml"), """
                sources:
                  - id: journal
                    title: Journal
                    url: file:journal.xml
                    kind: journal
                    interval: PT1H
                  - id: news
                    title: News
                    url: file:news.xml
                    kind: news
                    interval: PT1H
                """);
        try (ConfigurableApplicationContext app = start()) {
            app.getBean(IngestService.class).ingest("journal");
            app.getBean(IngestService.class).ingest("news");
            assertThat(app.getBean(StoryQueries.class).page(null, 10)).hasSize(1);
            // As an archive stored before stories existed: no story rows, never grouped.
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            jdbc.sql("DELETE FROM story_member").update();
            jdbc.sql("DELETE FROM story").update();
            jdbc.sql("DELETE FROM store_meta WHERE name = :name")
                    .param("name", StoryBackfillAtStartup.DONE)
                    .update();
        }

        List<Story> grouped;
        try (ConfigurableApplicationContext app = start()) {
            assertThat(app.getBean(StoryBackfillAtStartup.class).done().get(60, TimeUnit.SECONDS))
                    .isEqualTo(2);
            grouped = app.getBean(StoryQueries.class).page(null, 10);
            assertThat(grouped).hasSize(1);
            assertThat(grouped.get(0).members())
                    .extracting(Story.Member::source)
                    .containsExactly("journal", "news");
        }

        try (ConfigurableApplicationContext app = start()) {
            assertThat(app.getBean(StoryBackfillAtStartup.class).done().get(60, TimeUnit.SECONDS))
                    .isZero();
            assertThat(app.getBean(StoryQueries.class).page(null, 10)).isEqualTo(grouped);
        }
    }

    private static String feed(String items) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>T</title><link>https://t.example/</link><description>d</description>
                %s
                </channel></rss>
                """.formatted(items);
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(Her2FeedsApplication.class)
                .run(
                        "--spring.main.web-application-type=none",
                        "--spring.quartz.auto-startup=false",
                        "--her2.data-dir=" + dir.resolve("data"),
                        "--her2.sources-file=" + dir.resolve("sources.yml"));
    }
}
