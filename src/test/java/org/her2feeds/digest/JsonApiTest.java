package org.her2feeds.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.her2feeds.publish.ApiTestSupport;
import org.her2feeds.store.NewArticle;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The portal's JSON API: digests by day and range, articles with search and stable cursors, topics, problems. */
class JsonApiTest extends ApiTestSupport {

    @Test
    void aDayDigestCarriesSchemaVersionUpdatedAtAndFilters() {
        JsonNode digest = ok("/api/digests/2025-03-10");
        assertThat(digest.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(digest.get("date").asString()).isEqualTo("2025-03-10");
        assertThat(digest.get("updatedAt").asString()).endsWith("Z");
        assertThat(titles(digest))
                .contains(
                        "Subcutaneous trastuzumab in early HER2+ disease",
                        "Trastuzumab deruxtecan & <HER2-low> tumours")
                .doesNotContain("Prostate cancer screening update");
        JsonNode article = digest.get("articles").get(0);
        assertThat(article.get("authors").isArray()).isTrue();
        assertThat(article.get("publishedAt").asString())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?(Z|[+-]\\d\\d:\\d\\d)");
        assertThat(article.get("updatedAt").asString()).isNotBlank();

        assertThat(titles(ok("/api/digests/2025-03-10?topic=adc")))
                .containsExactly("Trastuzumab deruxtecan & <HER2-low> tumours");
        assertThat(titles(ok("/api/digests/2025-03-11?kind=preprint")))
                .containsExactly("A new ADC payload against HER2\u0001 resistant cells");
        JsonNode empty = ok("/api/digests/2025-03-10?kind=registry");
        assertThat(empty.get("count").asInt()).isZero();
        assertThat(empty.get("articles").isArray()).isTrue();
        assertThat(empty.get("topics").isObject()).isTrue();
    }

    @Test
    void aRangeReturnsEveryDaysDigestNewestFirst() {
        JsonNode range = ok("/api/digests?from=2025-03-08&to=2025-03-11&kind=journal,preprint");
        assertThat(range.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(range.get("digests").findValuesAsString("date"))
                .containsExactly("2025-03-11", "2025-03-10", "2025-03-09", "2025-03-08");
        assertThat(range.get("digests").get(1).get("count").asInt()).isEqualTo(2);
        assertThat(titles(range.get("digests").get(3))).containsExactly("HER2 ultralow: a consensus without a link");
        assertThat(range.get("updatedAt").asString()).isNotBlank();
        for (JsonNode digest : range.get("digests")) {
            assertThat(digest.get("schemaVersion").asInt()).isEqualTo(1);
            assertThat(digest.has("updatedAt")).isTrue();
        }
        JsonNode days = ok("/api/digests");
        assertThat(days.isArray()).isTrue();
        assertThat(days.findValuesAsString("date")).contains("2025-03-11", "2025-03-10", "2025-03-09", "2025-03-08");
    }

    @Test
    void badDigestRequestsAreProblemsWithAClearDetail() {
        problem("/api/digests/2025-02-30", 400, "'2025-02-30' is not a date");
        problem("/api/digests?from=2025-03-01", 400, "Give both from and to");
        problem("/api/digests?from=2025-01-01&to=2025-12-31", 400, "spans 365 days", "at most 92");
        problem("/api/digests?from=2025-03-10&to=2025-03-01", 400, "must not be after");
        problem("/api/digests/2025-03-10?topic=nope", 404, "Unknown topic 'nope'", "adc");
        problem("/api/digests/2025-03-10?kind=blog", 400, "Unknown kind 'blog'");
    }

    @Test
    void articlesAreSearchedByTitleAndSummaryIgnoringCase() {
        assertThat(titles(ok("/api/articles?q=DERUXTECAN")))
                .containsExactly("Trastuzumab deruxtecan & <HER2-low> tumours");
        assertThat(ok("/api/articles?q=" + enc("– summary") + "&kind=preprint")
                        .get("articles")
                        .size())
                .isEqualTo(2);
        assertThat(ok("/api/articles?q=100%25").get("articles").size()).isZero();
        assertThat(titles(ok("/api/articles?topic=her2-testing&kind=journal")))
                .containsExactly("HER2 ultralow: a consensus without a link");
        assertThat(titles(ok("/api/articles?since=2025-03-10T12:00:00Z&kind=journal,preprint")))
                .containsExactly(
                        "A new ADC payload against HER2\u0001 resistant cells",
                        "Subcutaneous trastuzumab in early HER2+ disease");
        assertThat(ok("/api/articles?since=2025-03-11&kind=preprint")
                        .get("articles")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void theCursorIsStableWhileNewerArticlesArrive() {
        List<NewArticle> first = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            first.add(article(
                    "wire",
                    "cursorcase-" + i,
                    "https://wire.example/cursor/" + i,
                    "Cursorcase HER2 story " + i,
                    "2025-02-0" + i + "T10:00:00Z",
                    "breast-cancer"));
        }
        // Two articles filed at the same instant: the id breaks the tie, so a page boundary between them is exact.
        first.add(article(
                "wire",
                "cursorcase-8",
                "https://wire.example/cursor/8",
                "Cursorcase HER2 story 8",
                "2025-02-04T10:00:00Z",
                "breast-cancer"));
        store.saveFeed("wire", first);

        List<String> seen = new ArrayList<>();
        JsonNode page = ok("/api/articles?q=cursorcase&limit=3");
        page.get("articles").forEach(a -> seen.add(a.get("title").asString()));
        int arrival = 0;
        while (!page.get("nextCursor").isNull()) {
            arrival++;
            store.saveFeed(
                    "wire",
                    List.of(article(
                            "wire",
                            "cursorcase-new-" + arrival,
                            "https://wire.example/cursor/new/" + arrival,
                            "Cursorcase HER2 breaking " + arrival,
                            "2025-02-2" + arrival + "T10:00:00Z",
                            "breast-cancer")));
            page = ok("/api/articles?q=cursorcase&limit=3&cursor="
                    + page.get("nextCursor").asString());
            assertThat(page.get("articles").size()).isBetween(1, 3);
            page.get("articles").forEach(a -> seen.add(a.get("title").asString()));
        }
        assertThat(seen).doesNotHaveDuplicates().hasSize(8).noneMatch(title -> title.contains("breaking"));
        assertThat(seen.get(0)).isEqualTo("Cursorcase HER2 story 7");
        assertThat(seen.get(seen.size() - 1)).isEqualTo("Cursorcase HER2 story 1");
        assertThat(ok("/api/articles?q=cursorcase&limit=50").get("articles").size())
                .isEqualTo(8 + arrival);
    }

    @Test
    void oneArticleByIdAndProblemsForTheRest() {
        String id = ok("/api/articles?q=deruxtecan")
                .get("articles")
                .get(0)
                .get("id")
                .asString();
        JsonNode article = ok("/api/articles/" + id);
        assertThat(article.get("title").asString()).isEqualTo("Trastuzumab deruxtecan & <HER2-low> tumours");
        assertThat(article.get("sources").findValuesAsString("kind")).containsExactly("journal");
        // Each source reference carries that source's own link to the article.
        assertThat(article.get("sources").findValuesAsString("link")).containsExactly("https://journal.example/a/1");
        assertThat(article.get("topics").findValuesAsString("slug")).containsExactly("adc", "breast-cancer");
        // The evidence for publishing it: each counting term with its field, and the discounted mentions.
        assertThat(article.get("relevance").get("terms").get(0).get("term").asString())
                .isEqualTo("HER2");
        assertThat(article.get("relevance").get("terms").get(0).get("field").asString())
                .isEqualTo("title");
        assertThat(article.get("relevance").get("discounted").isArray()).isTrue();
        for (JsonNode inDigest : ok("/api/digests/2025-03-10").get("articles")) {
            assertThat(inDigest.get("relevance").get("terms").size())
                    .as("evidence in the digest")
                    .isPositive();
        }

        problem("/api/articles/0123456789abcdef", 404, "No published article has id '0123456789abcdef'");
        problem("/api/articles?cursor=not-a-cursor", 400, "cursor 'not-a-cursor' is not one this service issued");
        problem("/api/articles?since=yesterday", 400, "since 'yesterday'");
        problem("/api/articles?limit=0", 400, "limit must be between 1 and");
        problem("/api/articles?topic=nope", 404, "Unknown topic 'nope'");
    }

    @Test
    void aSearchIsRankedAndBounded() {
        store.saveFeed(
                "wire",
                List.of(
                        article(
                                "wire",
                                "rankcase-1",
                                "https://wire.example/rank/1",
                                "Rankcase HER2 meeting notes",
                                "2025-01-20T10:00:00Z",
                                "breast-cancer"),
                        article(
                                "wire",
                                "rankcase-2",
                                "https://wire.example/rank/2",
                                "Zongertinib rankcase HER2 report",
                                "2025-01-10T10:00:00Z",
                                "breast-cancer")));
        // Both hold "rankcase"; only the older one holds "zongertinib" (in its title): it comes first for both words.
        assertThat(titles(ok("/api/articles?q=" + enc("rankcase zongertinib"))))
                .containsExactly("Zongertinib rankcase HER2 report");
        assertThat(titles(ok("/api/articles?q=rankcase"))).hasSize(2);

        JsonNode page = ok("/api/articles?q=rankcase&limit=1");
        String cursor = page.get("nextCursor").asString();
        assertThat(titles(ok("/api/articles?q=rankcase&limit=1&cursor=" + cursor)))
                .hasSize(1)
                .doesNotContainAnyElementsOf(titles(page));
        problem("/api/articles?cursor=" + cursor, 400, "belongs to a list with q");
        String plainCursor = ok("/api/articles?limit=1").get("nextCursor").asString();
        problem("/api/articles?q=rankcase&cursor=" + plainCursor, 400, "belongs to a list without q");
        problem("/api/articles?q=" + "a".repeat(201), 400, "q is 201 characters long; at most 200");
        problem("/api/articles?q=" + enc("a b c d e f g h i j k l m"), 400, "q has 13 words; at most 12");
        // A blank q is no search: the newest articles, as without q.
        assertThat(titles(ok("/api/articles?q=%20&limit=5"))).isEqualTo(titles(ok("/api/articles?limit=5")));
    }

    @Test
    void topicsListEveryTopicWithItsCount() {
        JsonNode topics = ok("/api/topics");
        assertThat(topics.findValuesAsString("slug"))
                .startsWith("her2-biology", "her2-testing")
                .contains("adc", "patient-care");
        for (JsonNode topic : topics) {
            assertThat(topic.get("label").asString()).isNotBlank();
            assertThat(topic.get("description").asString()).isNotBlank();
            assertThat(topic.get("articleCount").isNumber()).isTrue();
        }
        JsonNode testing = topics.get(1);
        assertThat(testing.get("articleCount").asLong()).isGreaterThanOrEqualTo(2);
    }

    private JsonNode ok(String path) {
        HttpResponse<byte[]> response = get(path);
        assertThat(response.statusCode())
                .as(path + ": " + new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        return json.readTree(response.body());
    }

    private void problem(String path, int status, String... detail) {
        HttpResponse<byte[]> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).contains(detail);
    }

    /** The titles of a digest's or page's articles (not the titles of their sources). */
    private static List<String> titles(JsonNode withArticles) {
        List<String> titles = new ArrayList<>();
        withArticles
                .get("articles")
                .forEach(article -> titles.add(article.get("title").asString()));
        return titles;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
