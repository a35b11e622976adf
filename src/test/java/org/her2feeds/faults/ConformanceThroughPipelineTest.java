package org.her2feeds.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.her2feeds.clean.ContentCleaner;
import org.her2feeds.ingest.IngestOutcome;
import org.her2feeds.ingest.IngestService;
import org.her2feeds.testsupport.RemoteSources;
import org.her2feeds.testsupport.RunningApplication;
import org.her2feeds.testsupport.SharedMaterial;
import org.her2feeds.testsupport.StubServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every file of the shared conformance corpus through the whole path a real feed takes: served over HTTP,
 * fetched, parsed, cleaned, tagged and stored by {@link IngestService}, then read back from the published outputs
 * (RSS and the JSON digests). The topic rules here count every article as relevant, so every case reaches every
 * output. No case may escape as an exception, no dangerous markup may reach an output, cleaning the stored HTML
 * again must change nothing, and the well-formed feeds must give their entries.
 */
class ConformanceThroughPipelineTest extends RunningApplication {

    static final List<String> FEED_FOLDERS =
            List.of("sanitize", "wellformed", "illformed", "encoding", "entities", "rome", "miniflux");
    static final int PAYLOADS_PER_FEED = 250;

    @RegisterExtension
    static final StubServer remote = StubServer.perClassAsStubbed();

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ContentCleaner cleaner;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        RemoteSources sources = new RemoteSources(remote, work);
        for (String folder : FEED_FOLDERS) {
            sources.add("conf-" + folder, "conf-" + folder, "/conf-" + folder, null, "PT30M");
        }
        sources.add("conf-xss", "conf-xss", "/conf-xss", null, "PT30M")
                .topics(RemoteSources.everythingRelevant())
                .property("her2.feed.max-limit", "5000")
                .schedulerOff()
                .register(registry);
    }

    @Test
    void sanitize() throws Exception {
        feedFolder("sanitize").assertClean();
    }

    @Test
    void wellformed() throws Exception {
        Tally tally = feedFolder("wellformed");
        tally.assertClean();
        assertThat(tally.unclearErrors)
                .as("well-formed feeds failing other than as a parse error")
                .isEmpty();
        assertThat(tally.itemless)
                .as("well-formed feeds with items that gave none")
                .isEmpty();
    }

    @Test
    void illformed() throws Exception {
        feedFolder("illformed").assertClean();
    }

    @Test
    void encoding() throws Exception {
        feedFolder("encoding").assertClean();
    }

    @Test
    void entities() throws Exception {
        Tally tally = feedFolder("entities");
        tally.assertClean();
        assertThat(tally.failed).as("entity cases refused").isZero();
    }

    @Test
    void rome() throws Exception {
        feedFolder("rome").assertClean();
    }

    @Test
    void miniflux() throws Exception {
        feedFolder("miniflux").assertClean();
    }

    @Test
    void xssPayloadsAsItemDescriptions() throws Exception {
        Path root = SharedMaterial.conformance().resolve("xss");
        List<String> payloads = new ArrayList<>();
        for (String file : manifest(root).stream()
                .map(row -> row[0])
                .filter(f -> f.startsWith("bleach/"))
                .toList()) {
            String content = Files.readString(root.resolve(file), StandardCharsets.UTF_8);
            int separator = content.indexOf("\n--\n");
            payloads.add((separator < 0 ? content : content.substring(0, separator)).strip());
        }
        json(root, "dompurify/expect.json")
                .forEach(c -> payloads.add(c.path("payload").asString()));
        json(root, "html5lib/sanitizer-tests1.json")
                .forEach(c -> payloads.add(c.path("input").asString()));
        json(root, "miniflux/sanitizer-cases.json")
                .forEach(c -> payloads.add(c.path("input").asString()));
        json(root, "owasp/cases.json").forEach(c -> payloads.add(c.path("input").asString()));
        payloads.add(Files.readString(root.resolve("owasp/htmllexerinput1.html"), StandardCharsets.UTF_8));
        payloads.addAll(Files.readAllLines(root.resolve("payloadbox/xss-payload-list.txt"), StandardCharsets.UTF_8));

        Tally tally = new Tally("xss");
        for (int start = 0; start < payloads.size(); start += PAYLOADS_PER_FEED) {
            List<String> batch = payloads.subList(start, Math.min(payloads.size(), start + PAYLOADS_PER_FEED));
            byte[] feed = payloadFeed(start, batch).getBytes(StandardCharsets.UTF_8);
            IngestOutcome outcome =
                    ingestCase("conf-xss", "feed#" + start, feed, "application/rss+xml; charset=utf-8", tally);
            assertThat(outcome.error()).as("payload feed from %d", start).isNull();
            tally.cases += batch.size() - 1;
        }
        checkStoredAndOutputs("conf-xss", tally);
        tally.print();
        tally.assertClean();
        assertThat(tally.entries).as("payloads stored").isEqualTo(payloads.size());
    }

    // ---- running a folder ----

    private Tally feedFolder(String folder) throws Exception {
        Path root = SharedMaterial.conformance().resolve(folder);
        Tally tally = new Tally(folder);
        for (String[] row : manifest(root)) {
            String file = row[0];
            byte[] body = Files.readAllBytes(root.resolve(file));
            String contentType = contentType(row.length > 3 ? row[3] : "");
            IngestOutcome outcome = ingestCase("conf-" + folder, file, body, contentType, tally);
            if (outcome == null) {
                continue;
            }
            String text = new String(body, StandardCharsets.ISO_8859_1);
            // A document that is not RSS or Atom (CDF, pre-Atom namespaces, an RSS root without a channel) may be
            // refused, but only as a parse error recorded on its source.
            if (outcome.error() != null && !outcome.error().startsWith("FeedParseException: ")) {
                tally.unclearErrors.add(file + ": " + outcome.error());
            }
            // An Atom <feed> holds <entry> elements; the few cases that put RSS <item>s in one have no entries to give.
            boolean hasItems = text.contains("<entry") || (text.contains("<item") && !text.contains("<feed"));
            if (outcome.error() == null && hasItems && stored(outcome) + outcome.rejected() == 0) {
                tally.itemless.add(file);
            }
        }
        checkStoredAndOutputs("conf-" + folder, tally);
        tally.print();
        return tally;
    }

    /** One case through the ingest; an exception escaping it is the failure this test exists to catch. */
    private IngestOutcome ingestCase(String sourceId, String name, byte[] body, String contentType, Tally tally) {
        var response = aResponse().withStatus(200).withBody(body);
        if (contentType != null) {
            response = response.withHeader("Content-Type", contentType);
        }
        remote.stubFor(get("/" + sourceId).willReturn(response));
        tally.cases++;
        IngestOutcome outcome;
        try {
            outcome = ingest.ingest(sourceId);
        } catch (RuntimeException | StackOverflowError e) {
            tally.leaked.add(name + ": " + e);
            return null;
        }
        if (outcome.error() == null) {
            tally.succeeded++;
            tally.entries += stored(outcome);
        } else {
            tally.failed++;
            if (outcome.error().startsWith("not fetched")) {
                tally.leaked.add(name + ": the source was retired: " + outcome.error());
            }
        }
        return outcome;
    }

    private static int stored(IngestOutcome outcome) {
        return outcome.added() + outcome.updated() + outcome.unchanged() + outcome.duplicates();
    }

    /** Every stored article of the source is clean and stays so when cleaned again; then the outputs are swept. */
    private void checkStoredAndOutputs(String sourceId, Tally tally) throws Exception {
        List<String[]> stored = jdbc.sql("""
                SELECT a.id, a.title, a.url, a.summary_html, a.summary_text FROM article a
                JOIN article_source s ON s.article_id = a.id WHERE s.source_id = :id""")
                .param("id", sourceId)
                .query((rs, n) -> new String[] {
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)
                })
                .list();
        tally.articles = stored.size();
        for (String[] article : stored) {
            tally.unsafe.addAll(OutputSafety.htmlViolations("stored " + article[0], article[3]));
            tally.unsafe.addAll(OutputSafety.textViolations("stored title " + article[0], article[1]));
            URI base = article[2] == null ? URI.create(remote.baseUrl() + "/" + sourceId) : URI.create(article[2]);
            String again = cleaner.summary(article[3], base).html();
            if (!again.equals(article[3])) {
                tally.notIdempotent.add(article[0] + ": " + OutputSafety.abbreviate(article[3]) + " -> "
                        + OutputSafety.abbreviate(again));
            }
        }
        String rss = getText("/feed.xml?limit=5000");
        tally.unsafe.addAll(OutputSafety.rssViolations(rss));
        tally.unsafe.addAll(OutputSafety.atomViolations(getText("/feed.atom?limit=5000")));
        String jsonFeed = getText("/feed.json?limit=5000");
        tally.unsafe.addAll(OutputSafety.jsonFeedViolations(jsonFeed, JSON.readTree(jsonFeed)));
        for (JsonNode day : JSON.readTree(getText("/api/digests"))) {
            String date = day.get("date").asString();
            String raw = getText("/api/digests/" + date);
            tally.unsafe.addAll(OutputSafety.digestViolations(raw, JSON.readTree(raw)));
            tally.unsafe.addAll(OutputSafety.pageViolations("page of " + date, getText("/?date=" + date)));
            tally.digestArticles += day.get("count").asInt();
        }
    }

    private String getText(String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static String payloadFeed(int start, List<String> payloads) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < payloads.size(); i++) {
            String escaped = xmlText(payloads.get(i));
            items.append("<item><title>Payload ")
                    .append(start + i)
                    .append(": ")
                    .append(escaped)
                    .append("</title>")
                    .append("<link>https://xss.example/payload/")
                    .append(start + i)
                    .append("</link>")
                    .append("<guid isPermaLink=\"false\">payload-")
                    .append(start + i)
                    .append("</guid>")
                    .append("<description>")
                    .append(escaped)
                    .append("</description></item>\n");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>xss</title>"
                + "<link>https://xss.example/</link><description>payloads</description>\n" + items + "</channel></rss>";
    }

    /** Escaped as XML text, dropping the characters XML cannot carry at all. */
    private static String xmlText(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> {
                    if (cp == 0x9
                            || cp == 0xA
                            || cp == 0xD
                            || (cp >= 0x20 && cp <= 0xD7FF)
                            || (cp >= 0xE000 && cp <= 0xFFFD)
                            || cp >= 0x10000) {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }

    private static List<String[]> manifest(Path root) throws IOException {
        List<String> lines = Files.readAllLines(root.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8);
        return lines.subList(1, lines.size()).stream()
                .filter(line -> !line.isBlank())
                .map(line -> line.split("\t", -1))
                .toList();
    }

    private static JsonNode json(Path root, String relative) throws IOException {
        return JSON.readTree(Files.readString(root.resolve(relative), StandardCharsets.UTF_8));
    }

    /** The manifest's extra column carries "Header: Content-type: ..." for cases served over HTTP. */
    private static String contentType(String extra) {
        for (String part : extra.split("\\|")) {
            String p = part.trim();
            if (p.regionMatches(true, 0, "Header: Content-type:", 0, 21)) {
                return p.substring(21).trim();
            }
        }
        return null;
    }

    /** What one folder did. */
    static final class Tally {
        final String folder;
        int cases;
        int succeeded;
        int failed;
        int entries;
        int articles;
        int digestArticles;
        final List<String> leaked = new ArrayList<>();
        final List<String> unsafe = new ArrayList<>();
        final List<String> notIdempotent = new ArrayList<>();
        final List<String> unclearErrors = new ArrayList<>();
        final List<String> itemless = new ArrayList<>();

        Tally(String folder) {
            this.folder = folder;
        }

        void print() {
            System.out.printf(
                    "[conformance-pipeline] %s: %d cases, %d ingested, %d recorded a source error, %d entries stored "
                            + "as %d articles; outputs checked (RSS, Atom, JSON Feed, digests, page; %d digest "
                            + "articles in all); %d leaked, %d unsafe, "
                            + "%d not idempotent, %d item feeds without entries%n",
                    folder,
                    cases,
                    succeeded,
                    failed,
                    entries,
                    articles,
                    digestArticles,
                    leaked.size(),
                    unsafe.size(),
                    notIdempotent.size(),
                    itemless.size());
        }

        void assertClean() {
            assertThat(leaked)
                    .as("%s: exceptions that escaped the ingest", folder)
                    .isEmpty();
            assertThat(unsafe)
                    .as("%s: dangerous markup in stored articles or outputs", folder)
                    .isEmpty();
            assertThat(notIdempotent)
                    .as("%s: stored HTML that cleaning changes again", folder)
                    .isEmpty();
        }
    }
}
