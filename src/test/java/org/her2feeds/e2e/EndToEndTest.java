package org.her2feeds.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.her2feeds.ingest.IngestOutcome;
import org.her2feeds.testsupport.RemoteSources;
import org.her2feeds.testsupport.RunningApplication;
import org.her2feeds.testsupport.StubServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole service against feeds served over real HTTP: Quartz runs the fetch jobs, the feed and the digest are
 * read back as a reader and the portal would read them.
 */
class EndToEndTest extends RunningApplication {

    @RegisterExtension
    static final StubServer remote = StubServer.perClass();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        RemoteSources sources = new RemoteSources(remote, work)
                .serve("/news.atom", "e2e/news.atom.xml", "application/atom+xml")
                .serve("/preprints.rdf", "e2e/preprints.rdf", "application/rdf+xml");
        // The journal also answers conditional requests: 304 to the ETag it gave.
        remote.stubFor(get("/journal.rss")
                .atPriority(1)
                .withHeader("If-None-Match", WireMock.equalTo("\"j-1\""))
                .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"j-1\"")));
        remote.stubFor(get("/journal.rss")
                .atPriority(5)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/rss+xml; charset=utf-8")
                        .withHeader("ETag", "\"j-1\"")
                        .withBody(RemoteSources.resource("e2e/journal.rss.xml"))));
        sources.add("journal", "Journal of Breast Oncology", "/journal.rss", "journal", "PT5M")
                .add("news", "Oncology Wire", "/news.atom", "news", "PT5M")
                .add("preprints", "Preprints Oncology", "/preprints.rdf", "preprint", "PT5M")
                .register(registry, Duration.ofSeconds(2));
    }

    @Test
    void scheduledJobsFillTheFeedAndTheDigestAndRepeatedRunsAddNothing() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            remote.verify(getRequestedFor(urlEqualTo("/journal.rss")));
            remote.verify(getRequestedFor(urlEqualTo("/news.atom")));
            remote.verify(getRequestedFor(urlEqualTo("/preprints.rdf")));
            assertThat(readFeed().getEntries()).hasSize(3);
        });

        SyndFeed feed = readFeed();
        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(feed.getTitle()).isEqualTo("HER2 Feeds");
        // Newest first; the HR+/HER2-negative article and the prostate news are not about HER2. The T-DXd trial came
        // from the journal and the news feed (same DOI): whichever was fetched first is stored, once.
        List<String> links = feed.getEntries().stream().map(SyndEntry::getLink).toList();
        assertThat(links).hasSize(3);
        assertThat(links.get(0)).isEqualTo("https://journal.example/articles/103");
        assertThat(links.get(1)).isIn("https://journal.example/articles/101", "https://news.example/story/7001");
        assertThat(links.get(2)).isEqualTo("https://preprints.example/content/2026.11.20.1");

        SyndEntry gastric = feed.getEntries().get(0);
        assertThat(gastric.getTitle()).isEqualTo("ERBB2 amplification in gastric adenocarcinoma: a cohort study");
        assertThat(gastric.getUri()).matches("[0-9a-f]{32}");
        assertThat(gastric.getPublishedDate().toInstant()).hasToString("2026-11-25T23:30:00Z");
        assertThat(gastric.getCategories()).extracting(SyndCategory::getName).isNotEmpty();
        assertThat(gastric.getSource().getTitle()).isEqualTo("Journal of Breast Oncology");
        SyndEntry trial = feed.getEntries().get(1);
        assertThat(trial.getDescription().getValue()).doesNotContain("script", "track.example", "utm_");

        JsonNode days = getJson("/api/digests");
        assertThat(days.findValuesAsString("date")).containsExactly("2026-11-25", "2026-11-24", "2026-11-20");
        assertThat(days.findValuesAsString("count")).containsExactly("1", "1", "1");

        JsonNode digest = getJson("/api/digests/2026-11-25");
        assertThat(digest.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(digest.get("date").asString()).isEqualTo("2026-11-25");
        assertThat(digest.get("zone").asString()).isEqualTo("UTC");
        assertThat(digest.get("generatedAt").asString()).isNotBlank();
        assertThat(digest.get("count").asInt()).isEqualTo(1);
        JsonNode article = digest.get("articles").get(0);
        assertThat(article.get("id").asString()).isEqualTo(gastric.getUri());
        assertThat(article.get("title").asString()).isEqualTo(gastric.getTitle());
        assertThat(article.get("url").asString()).isEqualTo("https://journal.example/articles/103");
        assertThat(article.get("summary").asString()).isEqualTo("HER2 testing by IHC and ISH in 800 gastric tumours.");
        assertThat(article.get("summaryHtml").asString())
                .isEqualTo("HER2 testing by IHC and ISH in 800 gastric tumours.");
        assertThat(article.get("publishedAt").asString()).isEqualTo("2026-11-25T23:30:00Z");
        assertThat(article.get("firstSeenAt").asString()).isNotBlank();
        assertThat(article.get("sources").findValuesAsString("id")).containsExactly("journal");
        assertThat(article.get("sources").get(0).get("kind").asString()).isEqualTo("journal");
        assertThat(article.get("topics").findValuesAsString("slug")).isNotEmpty();
        assertThat(article.get("topics").get(0).get("matched").size()).isPositive();
        assertThat(digest.get("topics").size()).isPositive();

        JsonNode tdxd = getJson("/api/digests/2026-11-24").get("articles").get(0);
        assertThat(tdxd.get("id").asString()).isEqualTo(trial.getUri());
        assertThat(tdxd.get("doi").asString()).isEqualTo("10.5555/jbo.2026.101");
        assertThat(tdxd.get("sources").findValuesAsString("id")).containsExactlyInAnyOrder("journal", "news");

        // Fetching again adds nothing; the journal answers 304 to its ETag.
        IngestOutcome journal = ingest.ingest("journal");
        assertThat(journal.status()).isEqualTo(304);
        assertThat(journal.added()).isZero();
        remote.verify(
                getRequestedFor(urlEqualTo("/journal.rss")).withHeader("If-None-Match", WireMock.equalTo("\"j-1\"")));
        IngestOutcome news = ingest.ingest("news");
        assertThat(news.status()).isEqualTo(200);
        assertThat(news.added() + news.updated() + news.duplicates()).isZero();
        assertThat(news.unchanged()).isEqualTo(2);
        assertThat(readFeed().getEntries()).hasSize(3);
    }

    @Test
    void anInvalidDateIsABadRequestAndAnEmptyDayIsAnEmptyDigest() throws Exception {
        HttpResponse<String> bad =
                http.send(request("/api/digests/2026-13-45").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("json"));
        assertThat(json.readTree(bad.body()).get("detail").asString()).contains("2026-13-45");

        JsonNode empty = getJson("/api/digests/1999-01-01");
        assertThat(empty.get("count").asInt()).isZero();
        assertThat(empty.get("articles").isArray()).isTrue();
        assertThat(empty.get("articles").size()).isZero();
    }

    private SyndFeed readFeed() throws Exception {
        HttpResponse<String> response =
                http.send(request("/feed.xml").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/rss+xml;charset=utf-8");
        return new SyndFeedInput().build(new StringReader(response.body()));
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return json.readTree(response.body());
    }
}
