package org.her2feeds.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.her2feeds.Her2FeedsApplication;
import org.her2feeds.ingest.IngestOutcome;
import org.her2feeds.ingest.IngestService;
import org.her2feeds.sources.Source;
import org.her2feeds.sources.SourceCatalog;
import org.her2feeds.store.SourceStates;
import org.her2feeds.tagging.Tagger;
import org.her2feeds.tagging.TopicDefinition;
import org.her2feeds.testsupport.FeedValidity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a newcomer sees with the README's demo command: the HER2 items of the offline samples in the feed within a
 * minute, their days in the digest index; and after a restart every article is still there, once.
 */
class DemoProfileTest {

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theDemoServesTheSamplesHer2ItemsAndARestartKeepsThemWithoutDuplicates() throws Exception {
        List<String[]> labels = Files.readAllLines(Path.of("feeds/samples/labels.tsv")).stream()
                .skip(1)
                .map(line -> line.split("\t"))
                .toList();
        Set<String> her2Titles = labels.stream()
                .filter(row -> row[2].equals("yes"))
                .map(row -> key(row[3]))
                .collect(Collectors.toSet());
        Set<String> otherTitles = labels.stream()
                .filter(row -> row[2].equals("no"))
                .map(row -> key(row[3]))
                .collect(Collectors.toSet());

        List<String> idsBefore;
        try (ConfigurableApplicationContext app = start()) {
            SourceStates states = app.getBean(SourceStates.class);
            int sources = app.getBean(SourceCatalog.class).enabled().size();
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> states.all().stream()
                                    .filter(state -> state.lastSuccessAt() != null)
                                    .count()
                            == sources);
            List<SyndEntry> entries = feed(app);
            // The sample retraction note marks the registry report it retracts, in the title readers see.
            assertThat(entries)
                    .extracting(SyndEntry::getTitle)
                    .contains("[Retracted] Tucatinib, trastuzumab and capecitabine for HER2-positive breast cancer "
                            + "with active brain metastases: intracranial outcomes from a prospective registry.");
            assertThat(entries)
                    .extracting(entry -> key(entry.getTitle().replaceFirst("^\\[Retracted\\] ", "")))
                    .containsExactlyInAnyOrderElementsOf(her2Titles)
                    .doesNotContainAnyElementsOf(otherTitles);
            idsBefore = entries.stream().map(SyndEntry::getUri).sorted().toList();
            assertThat(get(app, "/api/digests")).contains("\"date\":\"2026-11-2");

            // Every published output of the demo passes the feed formats' structural rules.
            JsonMapper json = app.getBean(JsonMapper.class);
            List<String> feeds = new ArrayList<>(List.of("/feed"));
            for (TopicDefinition topic : app.getBean(Tagger.class).topics()) {
                feeds.add("/topics/" + topic.slug() + "/feed");
            }
            for (String feed : feeds) {
                FeedValidity.assertValidRss(get(app, feed + ".xml"));
                FeedValidity.assertValidAtom(get(app, feed + ".atom"));
                FeedValidity.assertValidJsonFeed(get(app, feed + ".json"), json);
            }

            // The samples' coverage of one event by several sources is shown as one story, in the API and its feed.
            JsonNode stories = json.readTree(get(app, "/api/stories")).get("stories");
            assertThat(stories).isNotEmpty();
            for (JsonNode story : stories) {
                Set<String> storySources = new java.util.HashSet<>();
                story.get("members")
                        .forEach(member -> storySources.add(member.get("source").asString()));
                assertThat(storySources).as(story.get("title").asString()).hasSizeGreaterThanOrEqualTo(2);
            }
            String storyFeed = get(app, "/stories/feed.xml");
            FeedValidity.assertValidRss(storyFeed);
            assertThat(new SyndFeedInput().build(new StringReader(storyFeed)).getEntries())
                    .extracting(SyndEntry::getUri)
                    .containsExactlyElementsOf(java.util.stream.StreamSupport.stream(stories.spliterator(), false)
                            .map(story -> story.get("id").asString())
                            .toList());
            // The FDA's approvals and the news about each, a day later, titled by the regulator.
            assertThat(stories)
                    .extracting(story -> story.get("title").asString() + " / "
                            + story.get("summary").asString())
                    .contains(
                            "FDA Approves Enhertu for Adjuvant Treatment of HER2-Positive Early Breast Cancer with "
                                    + "Residual Invasive Disease / approval, 1 news report",
                            "FDA Grants Accelerated Approval to Zongertinib for First-Line Treatment of HER2 (ERBB2)-"
                                    + "Mutant Non-Small Cell Lung Cancer / approval, 1 news report");
        }

        try (ConfigurableApplicationContext app = start()) {
            assertThat(feed(app).stream().map(SyndEntry::getUri).sorted().toList())
                    .isEqualTo(idsBefore);
            IngestService ingest = app.getBean(IngestService.class);
            for (Source source : app.getBean(SourceCatalog.class).enabled()) {
                IngestOutcome outcome = ingest.ingest(source.id());
                assertThat(outcome.error()).as(source.id()).isNull();
                assertThat(outcome.added() + outcome.duplicates())
                        .as(source.id())
                        .isZero();
            }
            assertThat(feed(app).stream().map(SyndEntry::getUri).sorted().toList())
                    .isEqualTo(idsBefore);
        }
    }

    /** Titles compared as a reader reads them: markup and case aside, without the final full stop. */
    private static String key(String title) {
        return title.replaceAll("<[^>]+>", "")
                .replaceAll("\\s+", " ")
                .replaceAll("\\.$", "")
                .trim()
                .toLowerCase(Locale.ROOT);
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(Her2FeedsApplication.class)
                .run(
                        "--spring.profiles.active=demo",
                        "--server.port=0",
                        "--her2.data-dir=" + dataDir,
                        "--her2.schedule.first-fetch-window=PT5S");
    }

    private List<SyndEntry> feed(ConfigurableApplicationContext app) throws Exception {
        return new SyndFeedInput()
                .build(new StringReader(get(app, "/feed.xml")))
                .getEntries();
    }

    private String get(ConfigurableApplicationContext app, String path) throws Exception {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
