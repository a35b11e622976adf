package org.her2feeds.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.her2feeds.store.ArticleStore;
import org.her2feeds.store.NewArticle;
import org.her2feeds.tagging.TaggingResult;
import org.her2feeds.tagging.TermHit;
import org.her2feeds.tagging.TopicTag;
import org.her2feeds.testsupport.ApiContract;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * One running service shared by the API tests (Spring caches the context): three sources of different kinds,
 * no scheduled fetching, and a fixed set of articles stored through {@link ArticleStore#saveFeed} as ingest
 * would store them. Tests that add articles use the {@code wire} source (kind news) and words of their own, so
 * they do not disturb the others' assertions about the journal and preprint articles.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiTestSupport {

    protected static final Path WORK = createWork();

    @LocalServerPort
    protected int port;

    @Autowired
    protected ArticleStore store;

    @Autowired
    protected JsonMapper json;

    protected final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("her2.sources-file", () -> WORK.resolve("sources.yml").toString());
        registry.add("her2.data-dir", () -> WORK.resolve("data").toString());
        registry.add("spring.quartz.auto-startup", () -> "false");
        registry.add("her2.portal.origins", () -> "https://portal.example");
        registry.add("her2.publish.dir", () -> WORK.resolve("public").toString());
        registry.add("her2.publish.base-url", () -> "https://her2.example.org");
    }

    private static Path createWork() {
        try {
            Path work = Files.createTempDirectory("her2-api-test");
            Files.writeString(work.resolve("sources.yml"), """
                    sources:
                      # A journal, a preprint server and a news wire; never fetched in these tests.
                      - id: journal
                        title: Journal of Breast Oncology
                        url: https://journal.example/rss
                        interval: PT15M
                        kind: journal
                      - id: preprints
                        title: Preprints Oncology
                        url: https://preprints.example/rss
                        interval: PT1H
                        kind: preprint
                      - id: wire
                        title: Oncology Wire
                        url: https://wire.example/atom
                        interval: PT30M
                        kind: news
                    """);
            return work;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void seed() {
        // Stored again before every test: the store recognises the articles and changes nothing.
        store.saveFeed(
                "journal",
                List.of(
                        article(
                                "journal",
                                "j1",
                                "https://journal.example/a/1",
                                "Trastuzumab deruxtecan & <HER2-low> tumours",
                                "2025-03-10T08:00:00Z",
                                "adc",
                                "breast-cancer"),
                        article(
                                "journal",
                                "j2",
                                "https://journal.example/a/2",
                                "Subcutaneous trastuzumab in early HER2+ disease",
                                "2025-03-10T12:00:00Z",
                                "trastuzumab"),
                        article(
                                "journal",
                                "j3",
                                null,
                                "HER2 ultralow: a consensus without a link",
                                "2025-03-08T10:00:00Z",
                                "her2-testing"),
                        irrelevant(
                                "journal",
                                "j4",
                                "https://journal.example/a/4",
                                "Prostate cancer screening update",
                                "2025-03-10T09:00:00Z")));
        store.saveFeed(
                "preprints",
                List.of(
                        article(
                                "preprints",
                                "p1",
                                "https://preprints.example/c/1",
                                "A new ADC payload against HER2\u0001 resistant cells",
                                "2025-03-11T09:00:00Z",
                                "adc",
                                "resistance"),
                        article(
                                "preprints",
                                "p2",
                                "https://preprints.example/c/2",
                                "HER2 IHC scoring with deep learning",
                                "2025-03-09T09:00:00Z",
                                "her2-testing")));
    }

    /** A relevant article as the tagger would have tagged it. */
    public static NewArticle article(
            String source, String guid, String link, String title, String published, String... topics) {
        TaggingResult tagging = new TaggingResult(
                true,
                List.of(new TermHit("HER2", "title")),
                Arrays.stream(topics)
                        .map(slug -> new TopicTag(slug, label(slug), List.of(new TermHit(slug, "title"))))
                        .toList());
        return new NewArticle(
                source,
                guid,
                link,
                title,
                "<p>" + title.replace("&", "&amp;").replace("<", "&lt;") + " – summary.</p>",
                title + " – summary.",
                List.of("A. Author", "B. Author"),
                List.of(),
                published == null ? null : Instant.parse(published),
                null,
                null,
                tagging,
                title + " – summary.",
                "",
                null);
    }

    static NewArticle irrelevant(String source, String guid, String link, String title, String published) {
        return new NewArticle(
                source,
                guid,
                link,
                title,
                "<p>" + title + "</p>",
                title,
                List.of(),
                List.of(),
                Instant.parse(published),
                null,
                null,
                new TaggingResult(false, List.of(), List.of()),
                title,
                "",
                null);
    }

    private static String label(String slug) {
        return Character.toUpperCase(slug.charAt(0)) + slug.substring(1).replace('-', ' ');
    }

    protected HttpResponse<byte[]> get(String path, String... headers) {
        return send("GET", path, headers);
    }

    protected HttpResponse<byte[]> send(String method, String path, String... headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url(path))).method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            conforms(method, path, response);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every JSON answer of the API these tests receive is checked against the OpenAPI description the service
     * serves: a response that drifts from the description fails the test that received it. HEAD answers and
     * 304s carry no body to check.
     */
    private void conforms(String method, String path, HttpResponse<byte[]> response) {
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        if (!method.equals("GET")
                || contentType == null
                || !contentType.contains("json")
                || !ApiContract.describes(path)
                || response.headers().firstValue("Content-Encoding").isPresent()) {
            return;
        }
        ApiContract.servedAt(url("")).assertConforms(method, path, response.statusCode(), contentType, response.body());
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }
}
