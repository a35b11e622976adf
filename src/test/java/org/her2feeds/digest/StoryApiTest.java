package org.her2feeds.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.SyndFeedInput;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import org.her2feeds.sources.SourceKind;
import org.her2feeds.store.ArticleStore;
import org.her2feeds.store.NewArticle;
import org.her2feeds.tagging.Tagger;
import org.her2feeds.testsupport.ApiContract;
import org.her2feeds.testsupport.FeedValidity;
import org.her2feeds.testsupport.RunningApplication;
import org.her2feeds.testsupport.TaggedArticles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Stories as the portal and RSS readers get them: the list with its cursor, one story, the day's digest and the
 * story feed, every JSON answer checked against the served OpenAPI description.
 */
class StoryApiTest extends RunningApplication {

    @Autowired
    ArticleStore store;

    @Autowired
    Tagger tagger;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Files.writeString(work.resolve("sources.yml"), """
                sources:
                  - id: journal
                    title: Journal of Breast Oncology
                    url: https://journal.example/rss
                    kind: journal
                  - id: wire
                    title: Oncology Wire
                    url: https://wire.example/rss
                    kind: news
                  - id: fda
                    title: FDA
                    url: https://fda.example/rss
                    kind: regulator
                """);
        registry.add("her2.sources-file", () -> work.resolve("sources.yml").toString());
        registry.add("her2.data-dir", () -> work.resolve("data").toString());
        registry.add("spring.quartz.auto-startup", () -> "false");
    }

    @BeforeEach
    void seed() {
        store.saveFeed(
                "journal",
                SourceKind.JOURNAL,
                List.of(item(
                        "journal",
                        SourceKind.JOURNAL,
                        "j1",
                        "Trastuzumab Deruxtecan plus Pertuzumab for HER2-Positive Metastatic Breast Cancer: "
                                + "Overall Survival",
                        "In DESTINY-Breast09 (NCT04762109), trastuzumab deruxtecan plus pertuzumab prolonged overall "
                                + "survival in HER2-positive breast cancer.",
                        "2026-05-31T12:00:00Z")));
        store.saveFeed(
                "wire",
                SourceKind.NEWS,
                List.of(
                        item(
                                "wire",
                                SourceKind.NEWS,
                                "w1",
                                "DESTINY-Breast09 survival data presented",
                                "Overall survival from DESTINY-Breast09 with T-DXd and pertuzumab in "
                                        + "HER2-positive breast "
                                        + "cancer.",
                                "2026-06-01T08:00:00Z"),
                        item(
                                "wire",
                                SourceKind.NEWS,
                                "w2",
                                "Zongertinib approval expands options in HER2-mutant lung cancer",
                                "Zongertinib was approved for HER2-mutant non-small cell lung cancer.",
                                "2026-02-02T08:00:00Z")));
        store.saveFeed(
                "fda",
                SourceKind.REGULATOR,
                List.of(item(
                        "fda",
                        SourceKind.REGULATOR,
                        "f1",
                        "FDA approves zongertinib for HER2-mutant lung cancer",
                        "The FDA approved zongertinib (Hernexeos) for HER2-mutant non-small cell lung cancer.",
                        "2026-02-01T15:00:00Z")));
    }

    @Test
    void theListPagesWithItsCursorAndEachStoryIsFoundByItsId() throws Exception {
        // Newest coverage first: the FDA's page was stored last, so its story gained a member last.
        JsonNode first = getJson("/api/stories?limit=1");
        assertThat(first.get("stories")).hasSize(1);
        JsonNode approval = first.get("stories").get(0);
        assertThat(approval.get("title").asString()).isEqualTo("FDA approves zongertinib for HER2-mutant lung cancer");
        assertThat(approval.get("summary").asString()).isEqualTo("approval, 1 news report");

        JsonNode second =
                getJson("/api/stories?limit=1&cursor=" + first.get("nextCursor").asString());
        JsonNode newest = second.get("stories").get(0);
        assertThat(newest.get("summary").asString())
                .isEqualTo("DESTINY-Breast09: trial result in a journal, 1 news report");
        assertThat(newest.get("title").asString()).startsWith("Trastuzumab Deruxtecan plus Pertuzumab");
        assertThat(second.get("nextCursor").isNull()).isTrue();

        JsonNode one = getJson("/api/stories/" + newest.get("id").asString());
        assertThat(one.get("members")).hasSize(2);
        assertThat(get("/api/stories/s-none").statusCode()).isEqualTo(404);
        assertThat(get("/api/stories?cursor=nonsense").statusCode()).isEqualTo(400);
    }

    @Test
    void theDayDigestListsItsStoriesAndTheStoryFeedHasOneItemPerStory() throws Exception {
        JsonNode digest = getJson("/api/digests/2026-06-01");
        assertThat(digest.get("stories")).hasSize(1);
        assertThat(digest.get("stories").get(0).get("label").asString()).isEqualTo("DESTINY-Breast09");

        String feed = new String(get("/stories/feed.xml").body(), java.nio.charset.StandardCharsets.UTF_8);
        FeedValidity.assertValidRss(feed);
        List<SyndEntry> entries =
                new SyndFeedInput().build(new StringReader(feed)).getEntries();
        JsonNode stories = getJson("/api/stories").get("stories");
        assertThat(entries)
                .extracting(SyndEntry::getUri)
                .containsExactly(
                        stories.get(0).get("id").asString(),
                        stories.get(1).get("id").asString());
        assertThat(new String(get("/feeds.opml").body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("/stories/feed.xml");
        assertThat(new String(get("/?date=2026-06-01").body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("Stories across sources", "DESTINY-Breast09: trial result in a journal, 1 news report");
    }

    @Test
    void aRangeReadsTheStoriesOfAllItsDaysAtOnceAndListsEachUnderItsDays() {
        JsonNode range = getJson("/api/digests?from=2026-05-30&to=2026-06-01");
        assertThat(range.get("digests").findValuesAsString("date"))
                .containsExactly("2026-06-01", "2026-05-31", "2026-05-30");
        for (int day = 0; day < 2; day++) {
            assertThat(range.get("digests").get(day).get("stories")).hasSize(1);
            assertThat(range.get("digests")
                            .get(day)
                            .get("stories")
                            .get(0)
                            .get("label")
                            .asString())
                    .isEqualTo("DESTINY-Breast09");
        }
        assertThat(range.get("digests").get(2).get("stories")).isEmpty();

        jdbc.execute("SET QUERY_STATISTICS TRUE");
        try {
            getJson("/api/digests?from=2026-06-01&to=2026-06-01&kind=journal,news");
            long oneDay = storyReads();
            getJson("/api/digests?from=2026-03-15&to=2026-06-01&kind=journal,news");
            long manyDays = storyReads() - oneDay;
            assertThat(oneDay).isPositive();
            assertThat(manyDays)
                    .as("story reads of 79 days, two of them with articles, as of one day")
                    .isEqualTo(oneDay);
        } finally {
            jdbc.execute("SET QUERY_STATISTICS FALSE");
        }
    }

    /** Statements that read stories or their members since H2 began counting (its query statistics). */
    private long storyReads() {
        String sql = """
                SELECT COALESCE(SUM(EXECUTION_COUNT), 0) FROM INFORMATION_SCHEMA.QUERY_STATISTICS
                WHERE LOWER(SQL_STATEMENT) LIKE '%from story%' AND SQL_STATEMENT NOT LIKE '%QUERY_STATISTICS%'""";
        return jdbc.queryForObject(sql, Long.class);
    }

    private JsonNode getJson(String path) {
        HttpResponse<byte[]> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<byte[]> get(String path) {
        try {
            HttpResponse<byte[]> response = http.send(request(path).build(), HttpResponse.BodyHandlers.ofByteArray());
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (path.startsWith("/api/") && type.contains("json")) {
                ApiContract.servedAt("http://localhost:" + port)
                        .assertConforms("GET", path, response.statusCode(), type, response.body());
            }
            return response;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private NewArticle item(String source, SourceKind kind, String guid, String title, String text, String at) {
        return new TaggedArticles(tagger).item(source, kind, guid, title, text, at, null);
    }
}
