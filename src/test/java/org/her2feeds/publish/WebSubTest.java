package org.her2feeds.publish;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.io.WireFeedInput;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.her2feeds.ingest.IngestOutcome;
import org.her2feeds.ingest.IngestService;
import org.her2feeds.testsupport.RemoteSources;
import org.her2feeds.testsupport.StubServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WebSub end to end: a journal served by one WireMock server is ingested, and another WireMock server plays the
 * hub. Every published feed advertises the hub beside a self link that is the very URL the hub is sent; the hub is
 * sent each changed feed URL once per change, nothing for a fetch that changes nothing, only the merged feed and
 * the changed topic's feeds for a change in one topic, and a hub that refuses costs the ingest nothing.
 */
// The application writes into the temporary folder (database, search index on a background thread) until it
// closes: close it with its class, before JUnit deletes that folder.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class WebSubTest {

    private static final String PUBLIC_BASE = "https://her2.example.org";

    @RegisterExtension
    static final StubServer remote = StubServer.perClassAsStubbed();

    @RegisterExtension
    static final StubServer hub = StubServer.perClassAsStubbed();

    @TempDir
    static Path work;

    @Autowired
    IngestService ingest;

    @Autowired
    JsonMapper json;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        hub.started();
        new RemoteSources(remote, work)
                .add("journal", "Journal", "/feed.xml", "journal", null)
                .schedulerOff()
                .property("her2.publish.base-url", PUBLIC_BASE)
                .property("her2.publish.websub.hub", hubUrl())
                .property("her2.publish.websub.attempts", "3")
                .property("her2.publish.websub.retry-delay", "50ms")
                .register(registry);
    }

    private static String hubUrl() {
        return hub.baseUrl() + "/hub";
    }

    @Test
    void publishedFeedsAdvertiseTheHubWithTheirTopicUrlAsSelfAndFilteredFeedsNone() throws Exception {
        String hubUrl = hubUrl();
        Channel rss = (Channel) new WireFeedInput().build(new StringReader(text("/topics/adc/feed.xml")));
        assertThat(FeedFormatsTest.atomLinks(rss))
                .extracting(link -> link.getAttributeValue("rel"), link -> link.getAttributeValue("href"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("self", PUBLIC_BASE + "/topics/adc/feed.xml"),
                        org.assertj.core.groups.Tuple.tuple("hub", hubUrl));

        Feed atom = (Feed) new WireFeedInput().build(new StringReader(text("/feed.atom?cb=123")));
        assertThat(atom.getOtherLinks())
                .extracting(Link::getRel, Link::getHref)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("self", PUBLIC_BASE + "/feed.atom"),
                        org.assertj.core.groups.Tuple.tuple("hub", hubUrl));

        JsonNode jsonFeed = json.readTree(text("/feed.json"));
        assertThat(jsonFeed.get("feed_url").asString()).isEqualTo(PUBLIC_BASE + "/feed.json");
        assertThat(jsonFeed.get("hubs")).hasSize(1);
        assertThat(jsonFeed.get("hubs").get(0).get("type").asString()).isEqualTo("WebSub");
        assertThat(jsonFeed.get("hubs").get(0).get("url").asString()).isEqualTo(hubUrl);

        // A filtered feed is never sent to the hub, so it must not send its readers there.
        Channel filtered = (Channel) new WireFeedInput().build(new StringReader(text("/feed.xml?kind=journal")));
        assertThat(FeedFormatsTest.atomLinks(filtered))
                .extracting(link -> link.getAttributeValue("rel"))
                .containsExactly("self");
        assertThat(json.readTree(text("/topics/adc/feed.json?limit=5")).has("hubs"))
                .isFalse();
    }

    @Test
    void theHubIsSentEachChangedFeedOnceAndNothingForAFetchThatChangesNothing(CapturedOutput output) {
        hub.stubFor(post(urlEqualTo("/hub")).willReturn(aResponse().withStatus(204)));

        // Two articles of different topics: every feed that shows them changed.
        serve(adcArticle("first version"), testingArticle("Ventana 4B5"));
        assertFetched(ingest.ingest("journal"));
        Set<String> first = new TreeSet<>(urlsOf(feedsShowing("ADC payload")));
        first.addAll(urlsOf(feedsShowing("IHC scoring")));
        assertThat(first)
                .as("the merged feed and some topic feeds, in every format")
                .contains(PUBLIC_BASE + "/feed.xml", PUBLIC_BASE + "/feed.atom", PUBLIC_BASE + "/feed.json");
        await().atMost(Duration.ofSeconds(30)).until(() -> pings().size() >= first.size());

        // The same feed again: nothing changed, nothing is sent.
        assertThat(ingest.ingest("journal").error()).isNull();

        // One article of one topic changed: the merged feed and the feeds that show it, no other topic's.
        serve(adcArticle("first version"), testingArticle("HercepTest"));
        assertFetched(ingest.ingest("journal"));
        Set<String> second = new TreeSet<>(urlsOf(feedsShowing("HercepTest")));
        assertThat(second).contains(PUBLIC_BASE + "/feed.xml").doesNotContain(PUBLIC_BASE + "/topics/adc/feed.xml");
        assertThat(first).containsAll(second).hasSizeGreaterThan(second.size());
        // Sent on a thread of their own: the hub must have them before it starts refusing, or they would be refused.
        await().atMost(Duration.ofSeconds(30)).until(() -> pings().size() >= first.size() + second.size());

        // The hub refuses: the ingest succeeds all the same, each URL is tried the configured 3 times, and the
        // failure is logged with the hub's URL. Its notifications come after the others' (one thread, in order).
        hub.stubFor(post(urlEqualTo("/hub")).willReturn(aResponse().withStatus(503)));
        serve(adcArticle("second version"), testingArticle("HercepTest"));
        assertFetched(ingest.ingest("journal"));
        Set<String> third = new TreeSet<>(urlsOf(feedsShowing("ADC payload")));
        // The failure is logged once the first URL's attempts are spent; the other URLs' attempts are still to come.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> pings().size() >= first.size() + second.size() + 3 * third.size());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> output.getOut().contains("WebSub hub " + hubUrl() + " was not notified"));

        List<String> pings = pings();
        assertThat(pings.subList(0, first.size()))
                .as("after the first fetch: each changed feed once")
                .containsExactlyInAnyOrderElementsOf(first);
        assertThat(pings.subList(first.size(), first.size() + second.size()))
                .as("nothing after the unchanged fetch; after the change in one topic, only its feeds and the merged")
                .containsExactlyInAnyOrderElementsOf(second);
        List<String> refused = pings.subList(first.size() + second.size(), pings.size());
        assertThat(refused).hasSize(3 * third.size());
        assertThat(new TreeSet<>(refused)).isEqualTo(third);
    }

    private static void assertFetched(IngestOutcome outcome) {
        assertThat(outcome.error()).isNull();
        assertThat(outcome.added() + outcome.updated()).isPositive();
    }

    /** The topic URLs the hub was sent, in order, each request checked for the WebSub publish form. */
    private static List<String> pings() {
        List<ServeEvent> events = new ArrayList<>(hub.getAllServeEvents());
        // The journal lists the newest first.
        java.util.Collections.reverse(events);
        List<String> urls = new ArrayList<>();
        for (ServeEvent event : events) {
            assertThat(event.getRequest().getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
            Map<String, String> form = new LinkedHashMap<>();
            for (String pair : event.getRequest().getBodyAsString().split("&")) {
                String[] parts = pair.split("=", 2);
                form.put(
                        URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
            }
            assertThat(form).containsEntry("hub.mode", "publish").containsKey("hub.url");
            urls.add(form.get("hub.url"));
        }
        return urls;
    }

    /** The published feeds (merged and per topic) whose JSON Feed holds an article with this text in its title. */
    private List<String> feedsShowing(String title) {
        List<String> feeds = new ArrayList<>();
        if (shows("/feed.json", title)) {
            feeds.add("");
        }
        for (JsonNode topic : json.readTree(text("/api/topics"))) {
            String slug = topic.get("slug").asString();
            if (shows("/topics/" + slug + "/feed.json", title)) {
                feeds.add("/topics/" + slug);
            }
        }
        return feeds;
    }

    private boolean shows(String path, String title) {
        for (JsonNode item : json.readTree(text(path)).get("items")) {
            if (item.get("title").asString().contains(title)) {
                return true;
            }
        }
        return false;
    }

    /** Every format's public URL of these feeds (a prefix: "" for the merged feed, "/topics/slug" for a topic). */
    private static List<String> urlsOf(Collection<String> feeds) {
        List<String> urls = new ArrayList<>();
        for (String feed : feeds) {
            for (FeedFormat format : FeedFormat.values()) {
                urls.add(PUBLIC_BASE + feed + "/" + format.fileName());
            }
        }
        return urls;
    }

    private String text(String path) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return response.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(path, e);
        }
    }

    private static void serve(String... items) {
        remote.stubFor(get("/feed.xml")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/rss+xml; charset=utf-8")
                        .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                                + "<title>Journal</title><link>https://journal.example/</link><description>d"
                                + "</description>\n" + String.join("\n", items) + "</channel></rss>")));
    }

    private static String adcArticle(String version) {
        return item(
                "adc-1",
                "A new ADC payload: trastuzumab deruxtecan in HER2-low disease",
                "Antibody-drug conjugate trastuzumab deruxtecan, " + version + ".");
    }

    private static String testingArticle(String assay) {
        return item(
                "ihc-1",
                "HER2 IHC scoring with the " + assay + " assay",
                "Immunohistochemistry scoring of HER2 expression with " + assay + ".");
    }

    private static String item(String guid, String title, String description) {
        return "<item><guid isPermaLink=\"false\">" + guid + "</guid><link>https://journal.example/a/" + guid
                + "</link><title>" + title + "</title><description>" + description + "</description>"
                + "<pubDate>Mon, 30 Nov 2026 08:00:00 GMT</pubDate></item>";
    }
}
