package org.her2feeds.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdom2.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every feed read back as a reader would: Rome for RSS and Atom, Jackson for JSON Feed, checked structurally. */
class FeedFormatsTest extends ApiTestSupport {

    /** Self links come from her2.publish.base-url (see ApiTestSupport), never from the request's Host header. */
    private static final String PUBLIC_BASE = "https://her2.example.org";

    private static final List<String> SEEDED = List.of("p1", "j2", "j1", "p2", "j3");

    @Test
    void rssHasTheRequiredElementsAbsoluteLinksRfc822DatesAndASelfLinkWithTheQuery() throws Exception {
        String path = "/feed.xml?kind=journal,preprint";
        String xml = body(path, "application/rss+xml;charset=utf-8");
        Channel channel = (Channel) new WireFeedInput().build(new StringReader(xml));
        assertThat(channel.getFeedType()).isEqualTo("rss_2.0");
        assertThat(channel.getTitle()).isEqualTo("HER2 Feeds");
        assertThat(channel.getDescription()).isNotBlank();
        assertAbsolute(channel.getLink());
        assertThat(atomLinks(channel)).singleElement().satisfies(self -> {
            assertThat(self.getAttributeValue("rel")).isEqualTo("self");
            assertThat(self.getAttributeValue("href")).isEqualTo(PUBLIC_BASE + path);
            assertThat(self.getAttributeValue("type")).isEqualTo("application/rss+xml");
        });
        List<Item> items = channel.getItems();
        assertThat(items).extracting(item -> item.getTitle()).doesNotContain("Prostate cancer screening update");
        assertThat(items)
                .extracting(item -> item.getGuid().getValue())
                .doesNotHaveDuplicates()
                .hasSize(5);
        for (Item item : items) {
            assertThat(item.getTitle()).isNotBlank();
            if (!item.getTitle().startsWith("HER2 ultralow")) {
                assertAbsolute(item.getLink());
            }
            assertThat(item.getGuid().isPermaLink()).isFalse();
            assertThat(item.getPubDate()).isNotNull();
            assertThat(item.getDescription().getValue()).isNotBlank();
        }
        // RFC 822 dates, as the RSS 2.0 specification requires, checked on the text rather than Rome's lenient parse.
        Matcher dates = Pattern.compile("<pubDate>([^<]+)</pubDate>").matcher(xml);
        int count = 0;
        while (dates.find()) {
            ZonedDateTime.parse(dates.group(1), DateTimeFormatter.RFC_1123_DATE_TIME);
            count++;
        }
        assertThat(count).as("the channel and its 5 items").isEqualTo(6);
        assertThat(xml).doesNotContain("\u0001").contains("Trastuzumab deruxtecan &amp; &lt;HER2-low&gt; tumours");
        assertThat(items.get(0).getTitle()).isEqualTo("A new ADC payload against HER2 resistant cells");
        Item withoutLink = items.stream()
                .filter(i -> i.getTitle().startsWith("HER2 ultralow"))
                .findFirst()
                .orElseThrow();
        // Never the service's own API: a reader clicking it would get JSON, not the article.
        assertThat(withoutLink.getLink()).isNull();
        assertThat(xml).doesNotContain("/api/articles/");
    }

    @Test
    void atomHasTheRequiredElementsRfc3339DatesIriIdsAndASelfLink() throws Exception {
        String path = "/feed.atom?kind=journal,preprint";
        String xml = body(path, "application/atom+xml;charset=utf-8");
        Feed feed = (Feed) new WireFeedInput().build(new StringReader(xml));
        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getId()).isNotBlank();
        assertThat(feed.getTitle()).isEqualTo("HER2 Feeds");
        assertThat(feed.getUpdated()).isNotNull();
        assertThat(feed.getAuthors()).isNotEmpty();
        assertThat(feed.getOtherLinks())
                .filteredOn(link -> "self".equals(link.getRel()))
                .singleElement()
                .satisfies(self -> assertThat(self.getHref()).isEqualTo(PUBLIC_BASE + path));
        assertThat(feed.getEntries())
                .hasSize(5)
                .extracting(Entry::getId)
                .doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(URI.create(id).isAbsolute()).isTrue());
        for (Entry entry : feed.getEntries()) {
            assertThat(entry.getTitle()).isNotBlank();
            assertThat(entry.getUpdated()).isNotNull();
            assertThat(entry.getPublished()).isNotNull();
            if (entry.getTitle().startsWith("HER2 ultralow")) {
                // No link of its own: no alternate link, and the content Atom then requires.
                assertThat(entry.getAlternateLinks()).isEmpty();
                assertThat(entry.getContents())
                        .singleElement()
                        .satisfies(c -> assertThat(c.getValue()).isNotBlank());
            } else {
                assertThat(entry.getAlternateLinks())
                        .extracting(Link::getHref)
                        .singleElement()
                        .satisfies(FeedFormatsTest::assertAbsolute);
            }
            assertThat(entry.getSummary().getType()).isEqualTo("html");
        }
        Matcher dates = Pattern.compile("<(?:updated|published)>([^<]+)</").matcher(xml);
        while (dates.find()) {
            OffsetDateTime.parse(dates.group(1));
        }
        assertThat(xml).doesNotContain("\u0001");
    }

    @Test
    void jsonFeedFollowsVersion11() {
        String path = "/feed.json?kind=journal,preprint";
        JsonNode feed = json.readTree(body(path, "application/feed+json;charset=utf-8"));
        assertThat(feed.get("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.get("title").asString()).isEqualTo("HER2 Feeds");
        assertThat(feed.get("feed_url").asString()).isEqualTo(PUBLIC_BASE + path);
        assertAbsolute(feed.get("home_page_url").asString());
        List<String> ids = new ArrayList<>();
        for (JsonNode item : feed.get("items")) {
            ids.add(item.get("id").asString());
            if (item.get("title").asString().startsWith("HER2 ultralow")) {
                assertThat(item.has("url"))
                        .as("an article without a link of its own has no url")
                        .isFalse();
            } else {
                assertAbsolute(item.get("url").asString());
            }
            assertThat(item.get("title").asString()).isNotBlank();
            assertThat(item.get("content_html").asString()).isNotBlank();
            OffsetDateTime.parse(item.get("date_published").asString());
            OffsetDateTime.parse(item.get("date_modified").asString());
        }
        assertThat(ids).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void theThreeFormatsCarryTheSameItemsIdsAndDatesInTheSameOrder() throws Exception {
        Channel rss =
                (Channel) new WireFeedInput().build(new StringReader(body("/feed.xml?kind=journal,preprint", null)));
        Feed atom = (Feed) new WireFeedInput().build(new StringReader(body("/feed.atom?kind=journal,preprint", null)));
        JsonNode jsonFeed = json.readTree(body("/feed.json?kind=journal,preprint", null));
        List<String> rssIds =
                rss.getItems().stream().map(item -> item.getGuid().getValue()).toList();
        List<String> atomIds = atom.getEntries().stream().map(Entry::getId).toList();
        List<String> jsonIds = new ArrayList<>();
        jsonFeed.get("items").forEach(item -> jsonIds.add(item.get("id").asString()));
        assertThat(jsonIds).isEqualTo(rssIds);
        assertThat(atomIds)
                .isEqualTo(rssIds.stream().map(AtomFeedWriter::entryId).toList());
        for (int i = 0; i < rssIds.size(); i++) {
            assertThat(atom.getEntries().get(i).getPublished())
                    .isEqualTo(rss.getItems().get(i).getPubDate());
            assertThat(OffsetDateTime.parse(jsonFeed.get("items")
                                    .get(i)
                                    .get("date_published")
                                    .asString())
                            .toInstant())
                    .isEqualTo(rss.getItems().get(i).getPubDate().toInstant());
            assertThat(atom.getEntries().get(i).getTitle())
                    .isEqualTo(rss.getItems().get(i).getTitle())
                    .isEqualTo(jsonFeed.get("items").get(i).get("title").asString());
        }
    }

    @Test
    void filtersByTopicKindAndLimit() throws Exception {
        assertThat(titles("/feed.xml?topic=adc"))
                .containsExactly(
                        "A new ADC payload against HER2 resistant cells",
                        "Trastuzumab deruxtecan & <HER2-low> tumours");
        assertThat(titles("/feed.xml?topic=ADC,her2-testing&kind=preprint"))
                .containsExactly(
                        "A new ADC payload against HER2 resistant cells", "HER2 IHC scoring with deep learning");
        assertThat(titles("/feed.xml?topic=adc&topic=trastuzumab&kind=journal"))
                .containsExactly(
                        "Subcutaneous trastuzumab in early HER2+ disease",
                        "Trastuzumab deruxtecan & <HER2-low> tumours");
        assertThat(titles("/feed.xml?kind=journal,preprint&limit=2")).hasSize(2);
        assertThat(titles("/feed.xml?kind=registry")).isEmpty();
    }

    @Test
    void perTopicFeedsInEveryFormatCarryOnlyThatTopic() throws Exception {
        String xml = body("/topics/her2-testing/feed.xml?kind=journal,preprint", "application/rss+xml;charset=utf-8");
        Channel channel = (Channel) new WireFeedInput().build(new StringReader(xml));
        assertThat(channel.getTitle()).startsWith("HER2 Feeds – ");
        assertThat(channel.getItems())
                .extracting(Item::getTitle)
                .containsExactly("HER2 IHC scoring with deep learning", "HER2 ultralow: a consensus without a link");
        Feed atom = (Feed) new WireFeedInput()
                .build(new StringReader(body("/topics/her2-testing/feed.atom", "application/atom+xml;charset=utf-8")));
        assertThat(atom.getEntries()).extracting(Entry::getTitle).contains("HER2 IHC scoring with deep learning");
        JsonNode jsonFeed =
                json.readTree(body("/topics/her2-testing/feed.json", "application/feed+json;charset=utf-8"));
        assertThat(jsonFeed.get("items").size()).isPositive();
        jsonFeed.get("items")
                .forEach(item -> assertThat(item.get("tags").toString()).contains("her2-testing"));
    }

    @Test
    void unknownTopicsAreNotFoundProblemsListingTheValidSlugs() {
        for (String path : List.of(
                "/feed.xml?topic=adc,hre2-testing",
                "/topics/hre2-testing/feed.atom",
                "/feed.json?topic=hre2-testing")) {
            HttpResponse<byte[]> response = get(path, "Accept", "application/rss+xml, application/xml;q=0.9");
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode problem = json.readTree(response.body());
            assertThat(problem.get("status").asInt()).isEqualTo(404);
            assertThat(problem.get("detail").asString())
                    .contains("'hre2-testing'", "her2-testing", "adc", "trastuzumab");
        }
    }

    @Test
    void unknownKindsAndBadLimitsAreBadRequestProblems() {
        assertProblem("/feed.xml?kind=journal,blog", 400, "Unknown kind 'blog'", "journal, preprint, registry");
        assertProblem("/feed.atom?limit=0", 400, "limit must be between 1 and");
        assertProblem("/feed.json?limit=100000", 400, "limit must be between 1 and");
        assertProblem("/feed.xml?limit=many", 400, "limit");
    }

    private void assertProblem(String path, int status, String... detail) {
        HttpResponse<byte[]> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(response.body()).get("detail").asString()).contains(detail);
    }

    private List<String> titles(String path) throws Exception {
        Channel channel = (Channel) new WireFeedInput().build(new StringReader(body(path, null)));
        return channel.getItems().stream().map(Item::getTitle).toList();
    }

    private String body(String path, String contentType) {
        HttpResponse<byte[]> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        if (contentType != null) {
            assertThat(response.headers().firstValue("Content-Type")).hasValue(contentType);
        }
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** The channel's atom:link elements: Rome core keeps them as foreign markup. */
    static List<Element> atomLinks(Channel channel) {
        return channel.getForeignMarkup().stream()
                .filter(e -> e.getName().equals("link") && e.getNamespaceURI().equals("http://www.w3.org/2005/Atom"))
                .toList();
    }

    private static void assertAbsolute(String url) {
        URI uri = URI.create(url);
        assertThat(uri.isAbsolute()).as(url).isTrue();
        assertThat(uri.getScheme()).isIn("http", "https");
        assertThat(uri.getHost()).isNotBlank();
    }
}
