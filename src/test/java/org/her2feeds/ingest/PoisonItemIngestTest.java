package org.her2feeds.ingest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.her2feeds.testsupport.RemoteSources;
import org.her2feeds.testsupport.StubServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole pipeline (fetch, parse, clean, tag, store) on a generated feed served by WireMock, in which a seeded
 * generator mixes good items with items whose title, GUID, link, author list, category list or summary is far
 * too long for its column, and whose response carries an ETag and Last-Modified too long for theirs. The fetch
 * succeeds, every good item is stored, every other one is stored bounded or counted as rejected, and the source
 * is recorded healthy.
 *
 * <p>Before ColumnLimits the feed's one transaction failed ("Value too long for column"), nothing was stored and
 * the source was recorded failing with a backoff; with a clean feed but the long ETag, the articles were stored and
 * recording the source's state then failed, again counting as a failed fetch.
 */
class PoisonItemIngestTest extends IngestAgainstStubServer {

    private static final long SEED = 20261205L;
    private static final int ITEMS = 400;

    @RegisterExtension
    static final StubServer remote = StubServer.perClass();

    @TempDir
    static Path work;

    private static final List<String> goodGuids = new ArrayList<>();
    private static int hostile;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        RemoteSources sources = new RemoteSources(remote, work)
                .add("mixed", "Mixed feed", "/mixed.xml", "journal", null)
                .add("headers", "Long validators", "/headers.xml", "news", null);
        remote.stubFor(get("/mixed.xml")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/rss+xml; charset=utf-8")
                        .withHeader("ETag", "\"" + "e".repeat(1500) + "\"")
                        .withHeader("Last-Modified", "Tue, 01 Dec 2026 10:00:00 GMT" + " ".repeat(10) + "x".repeat(300))
                        .withBody(generatedFeed())));
        remote.stubFor(get("/headers.xml")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/rss+xml; charset=utf-8")
                        .withHeader("ETag", "\"" + "v".repeat(2000) + "\"")
                        .withBody(rss(item(
                                "h-1",
                                "https://news.example/h/1",
                                "HER2 headline",
                                "HER2 text",
                                List.of("A. Reporter"),
                                List.of())))));
        sources.register(registry, Duration.ofHours(1));
        registry.add("her2.fetch.max-body-size", () -> "64MB");
    }

    @Test
    void oversizedItemsAndHeadersCostTheSourceNothing() {
        IngestOutcome outcome = ingest.ingest("mixed");

        assertThat(outcome.error()).isNull();
        assertThat(outcome.added() + outcome.rejected())
                .as("every item stored or counted as rejected")
                .isEqualTo(ITEMS);
        for (String guid : goodGuids) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM article_source WHERE source_id = 'mixed' AND guid = :g")
                            .param("g", guid)
                            .query(Long.class)
                            .single())
                    .as("good item %s stored", guid)
                    .isEqualTo(1L);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM article_source WHERE source_id = 'mixed'")
                        .query(Long.class)
                        .single())
                .isEqualTo((long) ITEMS - outcome.rejected());
        assertThat(hostile).isGreaterThan(100);
        Map<String, Object> state = jdbc.sql(
                        "SELECT etag, last_modified, consecutive_failures, last_error FROM source_state WHERE "
                                + "source_id = 'mixed'")
                .query()
                .singleRow();
        assertThat(state.get("etag"))
                .as("an ETag longer than its column is dropped, not cut")
                .isNull();
        assertThat(state.get("last_modified")).isNull();
        assertThat(state.get("consecutive_failures")).isEqualTo(0);
        assertThat(state.get("last_error")).isNull();
    }

    @Test
    void aLongEtagAfterAStoredFeedIsNoFailure() {
        IngestOutcome outcome = ingest.ingest("headers");

        assertThat(outcome.error()).isNull();
        assertThat(outcome.added()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT consecutive_failures FROM source_state WHERE source_id = 'headers'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    private static String generatedFeed() {
        Random random = new Random(SEED);
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < ITEMS; i++) {
            String guid = "good-" + i;
            String link = "https://journal.example/articles/" + i;
            String title = "HER2 article " + i;
            String text = "HER2-positive breast cancer, item " + i;
            List<String> authors = List.of("A. Author", "B. Author");
            List<String> categories = List.of("Oncology");
            boolean bad = random.nextInt(3) > 0;
            if (bad) {
                hostile++;
                // A summary too large for its column is rare and costly to clean (jsoup): a few of them are enough.
                switch (random.nextInt(40) == 0 ? 6 : random.nextInt(6)) {
                    case 0 -> title = ("HER2 trastuzumab deruxtecan " + i + " ").repeat(150);
                    case 1 -> guid = "urn:long:" + i + ":" + "g".repeat(2000 + random.nextInt(3000));
                    case 2 -> link = link + "?q=" + "a".repeat(4000 + random.nextInt(1000));
                    case 3 -> authors = names("Consortium Investigator", 200 + random.nextInt(600));
                    case 4 -> categories = names("Category", 600 + random.nextInt(900));
                    case 6 -> text = ("HER2 <b>long</b> text " + i + " ").repeat(9000);
                    default -> {
                        title = ("HER2 " + "w".repeat(3000)) + i;
                        guid = "urn:long:" + i + ":" + "h".repeat(2500);
                        authors = names("Investigator", 900);
                    }
                }
                guid = guid.startsWith("good-") ? "hostile-" + i : guid;
            } else {
                goodGuids.add(guid);
            }
            items.append(item(guid, link, title, text, authors, categories));
        }
        return rss(items.toString());
    }

    private static List<String> names(String prefix, int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(prefix + " " + i);
        }
        return names;
    }

    private static String item(
            String guid, String link, String title, String text, List<String> authors, List<String> categories) {
        StringBuilder item = new StringBuilder("<item><guid isPermaLink=\"false\">")
                .append(escape(guid))
                .append("</guid>")
                .append("<link>")
                .append(escape(link))
                .append("</link><title>")
                .append(escape(title))
                .append("</title>")
                .append("<description>")
                .append(escape("<p>" + text + "</p>"))
                .append("</description>")
                .append("<pubDate>Tue, 01 Dec 2026 08:00:00 GMT</pubDate>");
        authors.forEach(
                author -> item.append("<dc:creator>").append(escape(author)).append("</dc:creator>"));
        categories.forEach(
                category -> item.append("<category>").append(escape(category)).append("</category>"));
        return item.append("</item>\n").toString();
    }

    private static String rss(String items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" "
                + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<channel><title>Generated</title><link>https://journal.example/</link><description>d</description>\n"
                + items + "</channel></rss>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
