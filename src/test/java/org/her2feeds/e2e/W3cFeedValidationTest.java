package org.her2feeds.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.her2feeds.Her2FeedsApplication;
import org.her2feeds.sources.SourceCatalog;
import org.her2feeds.store.SourceStates;
import org.her2feeds.tagging.Tagger;
import org.her2feeds.tagging.TopicDefinition;
import org.her2feeds.testsupport.W3cFeedValidator;
import org.her2feeds.testsupport.W3cFeedValidator.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Every RSS, Atom and OPML output of the demo profile, as served and as copied statically, with a WebSub hub
 * advertised, passes the W3C Feed Validation Service's own code with no error and no warning but the one kept (the
 * validator is found through FEEDVALIDATOR_HOME; see {@link W3cFeedValidator}).
 */
class W3cFeedValidationTest {

    private static final String PUBLIC_URL = "https://her2.example.org";

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyServedAndStaticFeedAndOpmlOfTheDemoIsValid() throws Exception {
        W3cFeedValidator validator = W3cFeedValidator.require();
        List<Result> results = new ArrayList<>();
        Map<String, Path> documents = new LinkedHashMap<>();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Her2FeedsApplication.class)
                .run(
                        "--spring.profiles.active=demo",
                        "--server.port=0",
                        "--her2.data-dir=" + work.resolve("data"),
                        "--her2.schedule.first-fetch-window=PT5S",
                        "--her2.publish.dir=" + work.resolve("public"),
                        "--her2.publish.base-url=" + PUBLIC_URL,
                        // Every published feed then carries an atom:link rel="hub" too (nothing answers there; the
                        // notifications fail, logged, on their own thread).
                        "--her2.publish.websub.hub=https://hub.her2.example.org/",
                        "--her2.publish.websub.attempts=1")) {
            SourceStates states = app.getBean(SourceStates.class);
            int sources = app.getBean(SourceCatalog.class).enabled().size();
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> states.all().stream()
                                    .filter(state -> state.lastSuccessAt() != null)
                                    .count()
                            == sources);
            String base = "http://localhost:"
                    + ((WebServerApplicationContext) app).getWebServer().getPort();
            List<String> paths = new ArrayList<>(List.of("/feed.xml", "/feed.atom", "/feeds.opml", "/sources.opml"));
            for (TopicDefinition topic : app.getBean(Tagger.class).topics()) {
                paths.add("/topics/" + topic.slug() + "/feed.xml");
                paths.add("/topics/" + topic.slug() + "/feed.atom");
            }
            // Also a filtered feed: its self link must be the URL it was asked for, query included.
            paths.add("/feed.atom?topic=adc,tki&kind=journal&limit=20");
            paths.add("/feed.xml?kind=news");
            // The story feed: one item per story across sources (the demo has two).
            paths.add("/stories/feed.xml");
            for (String path : paths) {
                HttpResponse<byte[]> response = http.send(
                        HttpRequest.newBuilder(URI.create(base + path)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                Path file = Files.write(Files.createTempFile(work, "served", ".xml"), response.body());
                String type = response.headers().firstValue("Content-Type").orElseThrow();
                // Outputs describe themselves by her2.publish.base-url, never by the Host a request named: the
                // document's location is where readers reach it, the public URL.
                documents.put(PUBLIC_URL + path, file);
                results.add(validator.validate(file, type, PUBLIC_URL + path));
            }
            Path copy = work.resolve("public");
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(copy.resolve("feeds.opml")));
            List<Path> files;
            try (Stream<Path> walk = Files.walk(copy)) {
                files = walk.filter(p -> p.toString().matches(".*\\.(xml|atom|opml)$"))
                        .sorted()
                        .toList();
            }
            // Two formats of the merged feed and of each topic's, the story feed, and feeds.opml.
            assertThat(files)
                    .hasSize(2 * (1 + app.getBean(Tagger.class).topics().size()) + 1 + 1);
            for (Path file : files) {
                String relative = copy.relativize(file).toString().replace('\\', '/');
                documents.put(PUBLIC_URL + "/" + relative, file);
                results.add(validator.validate(file, staticType(relative), PUBLIC_URL + "/" + relative));
            }
        }
        Map<String, List<String>> problems = new LinkedHashMap<>();
        for (Result result : results) {
            List<String> lines = new ArrayList<>(result.errors());
            for (String warning : result.warnings()) {
                if (!sameDayWithoutTime(warning, documents.get(result.file()))) {
                    lines.add(warning);
                }
            }
            if (!lines.isEmpty()) {
                problems.put(result.file(), lines);
            }
        }
        System.out.printf(
                "W3C feed validator: %d documents, %d errors, %d warnings%n",
                results.size(),
                results.stream().mapToInt(r -> r.errors().size()).sum(),
                results.stream().mapToInt(r -> r.warnings().size()).sum());
        assertThat(results).extracting(Result::feedType).doesNotContainNull();
        assertThat(problems).as("errors and warnings of the W3C feed validator").isEmpty();
    }

    @Test
    void theValidatorReportsAnErrorInABrokenFeed() throws Exception {
        W3cFeedValidator validator = W3cFeedValidator.require();
        Path broken = Files.writeString(
                work.resolve("broken.xml"),
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><link>not a url</link></channel></rss>");
        Result result = validator.validate(broken, "application/rss+xml", "https://her2.example.org/feed.xml");
        assertThat(result.errors()).isNotEmpty();
    }

    /**
     * The one warning kept (README, "Feed validity"): two entries whose atom:updated is the same date-only
     * publication date (midnight), which sources that give only the day make true of many articles.
     */
    private static boolean sameDayWithoutTime(String warning, Path document) throws java.io.IOException {
        java.util.regex.Matcher at = java.util.regex.Pattern.compile(
                        "line (\\d+), column \\d+: Two entries with the same value for atom:updated")
                .matcher(warning);
        if (!at.matches()) {
            return false;
        }
        String line = Files.readAllLines(document).get(Integer.parseInt(at.group(1)) - 1);
        return line.matches("\\s*<updated>\\d{4}-\\d{2}-\\d{2}T00:00:00Z</updated>\\s*");
    }

    /** The Content-Type a static web server gives these files by their extension. */
    private static String staticType(String file) {
        if (file.endsWith(".atom")) {
            return "application/atom+xml";
        }
        return file.endsWith(".opml") ? "text/x-opml" : "application/rss+xml";
    }
}
