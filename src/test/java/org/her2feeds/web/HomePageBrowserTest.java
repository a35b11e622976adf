package org.her2feeds.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.her2feeds.clean.CleanSummary;
import org.her2feeds.clean.ContentCleaner;
import org.her2feeds.store.ArticleStore;
import org.her2feeds.store.NewArticle;
import org.her2feeds.store.SourceStates;
import org.her2feeds.tagging.TaggableText;
import org.her2feeds.tagging.Tagger;
import org.her2feeds.testsupport.RemoteSources;
import org.her2feeds.testsupport.SharedMaterial;
import org.her2feeds.testsupport.StubServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The page in a real browser, against the whole service reading feeds over HTTP: a journal, a feed whose items carry
 * XSS payloads from the conformance corpus, and a source that answers 500.
 */
// The application writes into the temporary folder (database, search index on a background thread) until it
// closes: close it with its class, before JUnit deletes that folder.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HomePageBrowserTest {

    @RegisterExtension
    static final StubServer remote = StubServer.perClass();

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static final LocalDate YESTERDAY = TODAY.minusDays(1);
    static final LocalDate EARLIER = TODAY.minusDays(3);

    static final String TDXD = "Trastuzumab deruxtecan in HER2-low metastatic breast cancer: phase 3 results";
    static final String GASTRIC = "ERBB2 amplification in gastric adenocarcinoma: a cohort study";
    static final String PALBOCICLIB = "Palbociclib plus letrozole in HR-positive, HER2-negative advanced breast cancer";
    static final String TUCATINIB =
            "Tucatinib, trastuzumab and capecitabine for HER2-positive breast cancer brain metastases";
    static final String NERATINIB = "Neratinib resistance in HER2-mutant breast cancer";
    static final String HOSTILE_PREFIX = "HER2-positive breast cancer news";

    @TempDir
    static Path work;

    static Payloads payloads;
    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    SourceStates states;

    @Autowired
    ArticleStore store;

    @Autowired
    ContentCleaner cleaner;

    @Autowired
    Tagger tagger;

    @Autowired
    JsonMapper json;

    final HttpClient http = HttpClient.newHttpClient();

    record Payloads(String img, String svg, String script) {}

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        remote.stubFor(get("/journal.rss")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/rss+xml")
                        .withBody(journal())));
        remote.stubFor(get("/hostile.rss")
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/rss+xml")
                        .withBody(hostile())));
        remote.stubFor(get("/broken.rss").willReturn(aResponse().withStatus(500).withBody("upstream exploded")));
        new RemoteSources(remote, work)
                .add("journal", "Journal of Breast Oncology", "/journal.rss", "journal", "PT5M")
                .add("hostile", "Hostile Wire", "/hostile.rss", "news", "PT5M")
                .add("broken", "Broken Registry", "/broken.rss", "registry", "PT5M")
                .register(registry, Duration.ofSeconds(2));
    }

    /**
     * Payloads picked from the corpus by their exact text, so a changed corpus fails loudly instead of testing less.
     */
    private static Payloads payloads(Path list) throws IOException {
        List<String> lines =
                Files.readAllLines(list).stream().map(String::strip).toList();
        return new Payloads(
                pick(lines, "<img src/onerror=prompt(8)>"),
                pick(lines, "<svg onload=alert(1)>"),
                pick(lines, "<script>alert(1)</script>"));
    }

    private static String pick(List<String> lines, String payload) {
        assertThat(lines).as("payload list").contains(payload);
        return payload;
    }

    private static String journal() {
        return rss(
                "Journal of Breast Oncology",
                item(
                        "jbo-1",
                        TDXD,
                        "<p>In this phase 3 trial, <b>T-DXd</b> improved progression-free survival in HER2-low "
                                + "disease.</p>",
                        at(TODAY, 1)),
                item("jbo-2", GASTRIC, "HER2 testing by IHC and ISH in 800 gastric tumours.", at(TODAY, 2)),
                item("jbo-3", PALBOCICLIB, "CDK4/6 inhibition in HR+/HER2- disease.", at(TODAY, 3)),
                item(
                        "jbo-4",
                        TUCATINIB,
                        "HER2CLIMB-style regimen in patients with brain metastases.",
                        at(YESTERDAY, 600)),
                item(
                        "jbo-5",
                        NERATINIB,
                        "Acquired HER2 mutations and resistance to tyrosine kinase inhibitors.",
                        at(EARLIER, 600)));
    }

    private static String hostile() {
        return rss(
                "Hostile Wire",
                item(
                        "hw-1",
                        HOSTILE_PREFIX + " " + payloads.svg() + " " + payloads.script(),
                        "<p>Trastuzumab biosimilar update for HER2-positive breast cancer.</p>" + payloads.img()
                                + payloads.script(),
                        at(TODAY, 4)));
    }

    private static Instant at(LocalDate day, int minute) {
        return day.atStartOfDay(ZoneOffset.UTC).plusMinutes(minute).toInstant();
    }

    private static String rss(String title, String... items) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>%s</title><link>https://example.org/</link>
                <description>test</description>
                %s
                </channel></rss>""".formatted(title, String.join("\n", items));
    }

    private static String item(String guid, String title, String description, Instant published) {
        String slug = guid.replaceAll("[^a-z0-9]", "");
        return """
                <item><title><![CDATA[%s]]></title><link>https://articles.example/%s</link>
                <guid isPermaLink="false">%s</guid>
                <description><![CDATA[%s]]></description><pubDate>%s</pubDate></item>""".formatted(
                        title,
                        slug,
                        guid,
                        description,
                        DateTimeFormatter.RFC_1123_DATE_TIME.format(published.atOffset(ZoneOffset.UTC)));
    }

    /** Runs before the application starts: without a browser or the corpus there is nothing to test here. */
    @BeforeAll
    static void openBrowser() throws IOException {
        payloads = payloads(SharedMaterial.conformance().resolve("xss/payloadbox/xss-payload-list.txt"));
        browser = Browser.open(1280, 1800);
    }

    @AfterAll
    static void closeAll() {
        if (browser != null) {
            browser.close();
        }
    }

    /**
     * Waits for the first fetches, then stores one article exactly as a bad feed might have left it, title untouched.
     */
    @BeforeEach
    void sourcesFetched() {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(states.find("journal"))
                    .hasValueSatisfying(s -> assertThat(s.lastSuccessAt()).isNotNull());
            assertThat(states.find("hostile"))
                    .hasValueSatisfying(s -> assertThat(s.lastSuccessAt()).isNotNull());
            assertThat(states.find("broken"))
                    .hasValueSatisfying(s -> assertThat(s.consecutiveFailures()).isPositive());
        });
        CleanSummary summary = cleaner.summary(
                "<p>HER2 amplification.</p>" + payloads.img() + payloads.script(), URI.create("https://raw.example/"));
        String title = rawTitle();
        store.saveFeed(
                "hostile",
                List.of(new NewArticle(
                        "hostile",
                        "raw-1",
                        "https://raw.example/article",
                        title,
                        summary.html(),
                        summary.text(),
                        List.of(),
                        List.of(),
                        at(TODAY, 5),
                        null,
                        null,
                        tagger.tag(new TaggableText(title, summary.text(), List.of())),
                        summary.text(),
                        "",
                        null)));
        browser.consoleErrors();
    }

    static String rawTitle() {
        return "HER2 escaping check " + payloads.img() + " " + payloads.script() + " " + payloads.svg();
    }

    @Test
    void theLatestDayShowsItsArticlesByTopicWithoutConsoleErrors() throws Exception {
        open("/");
        browser.screenshot("home-latest");

        assertThat(browser.driver.findElement(By.cssSelector("h1 .day")).getText())
                .contains(String.valueOf(TODAY.getYear()));
        List<String> titles = titles();
        assertThat(titles).contains(TDXD, GASTRIC, rawTitle()).doesNotContain(PALBOCICLIB, TUCATINIB, NERATINIB);
        assertThat(titles).anyMatch(title -> title.startsWith(HOSTILE_PREFIX));
        assertThat(titles).hasSize(4).containsExactlyInAnyOrderElementsOf(apiTitles(TODAY));

        WebElement tdxd = article(TDXD);
        assertThat(tdxd.findElement(By.cssSelector(".article-title a")).getAttribute("href"))
                .isEqualTo("https://articles.example/jbo1");
        assertThat(tdxd.findElement(By.cssSelector(".source")).getText()).isEqualTo("Journal of Breast Oncology");
        assertThat(tdxd.findElement(By.cssSelector(".kind")).getText()).isEqualToIgnoringCase("journal");
        assertThat(tdxd.findElement(By.cssSelector("time")).getAttribute("datetime"))
                .startsWith(TODAY.toString());
        assertThat(tdxd.findElement(By.cssSelector(".summary b")).getText()).isEqualTo("T-DXd");
        assertThat(tdxd.findElements(By.cssSelector(".chip"))).isNotEmpty();

        // Groups follow topics.yml and hold each article once; the groups' counts add up to the day's count.
        List<WebElement> groups = browser.driver.findElements(By.cssSelector("#digest .topic-group"));
        assertThat(groups).isNotEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("#digest article")))
                .hasSize(4);
        assertThat(browser.driver.findElement(By.id("digest-heading")).getText())
                .startsWith("4 articles");

        // Autodiscovery and the subscribe buttons.
        assertThat(browser.driver.findElements(By.cssSelector("link[rel=alternate]")))
                .extracting(e -> e.getAttribute("type"))
                .containsExactly("application/rss+xml", "application/atom+xml", "application/feed+json");
        assertThat(browser.driver.findElements(By.cssSelector("#subscribe a.button")))
                .extracting(e -> URI.create(e.getAttribute("href")).getPath())
                .contains(
                        "/feed.xml",
                        "/feed.atom",
                        "/feed.json",
                        "/feeds.opml",
                        "/topics/her2-testing/feed.xml",
                        "/topics/her2-testing/feed.atom",
                        "/topics/her2-testing/feed.json");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theChartHasOneLinePerTopicOfTheLastThirtyDaysAndALegend() throws Exception {
        open("/");
        Set<String> expected = new HashSet<>();
        Set<String> expectedMarkers = new HashSet<>();
        for (JsonNode day : getJson("/api/digests")) {
            LocalDate date = LocalDate.parse(day.get("date").asString());
            if (!date.isBefore(TODAY.minusDays(29)) && !date.isAfter(TODAY)) {
                JsonNode digest = getJson("/api/digests/" + date);
                for (String slug : digest.get("topics").propertyNames()) {
                    expected.add(slug);
                    long count = digest.get("topics").get(slug).asLong();
                    expectedMarkers.add(
                            label(digest, slug) + ": " + count + (count == 1 ? " article on " : " articles on ")
                                    + date.format(DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH)));
                }
            }
        }
        assertThat(expected).isNotEmpty();

        WebElement chart = browser.driver.findElement(By.id("topic-chart"));
        assertThat(chart.getAttribute("role")).isEqualTo("img");
        assertThat(chart.findElement(By.tagName("title")).getAttribute("textContent"))
                .startsWith("Articles per topic per day");
        assertThat(chart.findElement(By.tagName("desc")).getAttribute("textContent"))
                .contains("Totals:");
        List<WebElement> lines = chart.findElements(By.cssSelector("polyline.series"));
        assertThat(lines)
                .extracting(line -> line.getAttribute("data-topic"))
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(lines)
                .allSatisfy(line ->
                        assertThat(line.getAttribute("points").split(" ")).hasSize(30));
        assertThat(browser.driver.findElements(By.cssSelector("#activity .legend li")))
                .extracting(li -> li.getAttribute("data-topic"))
                .containsExactlyInAnyOrderElementsOf(expected);
        // A dot per topic and day with articles, its tooltip giving the count the digest API reports for that day.
        assertThat(chart.findElements(By.cssSelector("circle.marker title")))
                .extracting(t -> t.getAttribute("textContent"))
                .containsExactlyInAnyOrderElementsOf(expectedMarkers);
        // Each line is drawn in its own colour from the style sheet (no inline styles under this CSP).
        Set<String> colours = new HashSet<>();
        lines.forEach(line -> colours.add(line.getCssValue("stroke") + line.getCssValue("stroke-dasharray")));
        assertThat(colours).hasSize(lines.size());
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theTopicFilterWorksFromTheKeyboardAndTheChips() throws Exception {
        open("/");
        JsonNode digest = getJson("/api/digests/" + TODAY);
        String topic = null;
        for (String slug : digest.get("topics").propertyNames()) {
            if (digest.get("topics").get(slug).asLong() < digest.get("count").asLong()) {
                topic = slug;
                break;
            }
        }
        assertThat(topic).as("a topic that only some of today's articles have").isNotNull();
        long expected = digest.get("topics").get(topic).asLong();

        new Select(browser.driver.findElement(By.id("topic"))).selectByValue(topic);
        browser.driver.findElement(By.id("apply-filter")).sendKeys(Keys.ENTER);
        awaitUrl("topic=" + topic);
        browser.screenshot("home-topic-filter");

        assertThat(browser.driver.getCurrentUrl()).contains("date=" + TODAY);
        List<WebElement> articles = browser.driver.findElements(By.cssSelector("#digest article"));
        assertThat(articles).hasSize((int) expected);
        String chosen = topic;
        assertThat(articles)
                .allSatisfy(article -> assertThat(article.findElements(By.cssSelector(".chip")))
                        .extracting(chip -> chip.getAttribute("data-topic"))
                        .contains(chosen));
        assertThat(new Select(browser.driver.findElement(By.id("topic")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo(topic);
        assertThat(browser.driver.findElements(By.cssSelector("link[rel=alternate]")))
                .extracting(e -> URI.create(e.getAttribute("href")).getPath())
                .contains("/topics/" + topic + "/feed.xml");
        assertThat(browser.consoleErrors()).isEmpty();

        // A chip is a link to its topic's view of the day.
        open("/");
        WebElement chip = article(GASTRIC).findElement(By.cssSelector(".chip"));
        String chipTopic = chip.getAttribute("data-topic");
        chip.click();
        awaitUrl("topic=" + chipTopic);
        assertThat(titles()).contains(GASTRIC).hasSize((int)
                digest.get("topics").get(chipTopic).asLong());

        HttpResponse<String> unknown =
                http.send(request("/?topic=no-such-topic"), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode())
                .as("the same refusal as the topic's feed gives")
                .isEqualTo(404);
        assertThat(unknown.body()).contains("Unknown topic &#39;no-such-topic&#39;. Valid topics: ");
    }

    @Test
    void dayNavigationReachesEarlierDaysByClickAndKeyboard() throws Exception {
        open("/");
        browser.driver.findElement(By.id("earlier-day")).click();
        awaitUrl("date=" + YESTERDAY);
        assertThat(titles())
                .containsExactlyInAnyOrderElementsOf(apiTitles(YESTERDAY))
                .containsExactly(TUCATINIB);

        browser.driver.findElement(By.id("earlier-day")).sendKeys(Keys.ENTER);
        awaitUrl("date=" + EARLIER);
        assertThat(titles()).containsExactly(NERATINIB);
        assertThat(browser.driver.findElements(By.id("earlier-day"))).isEmpty();

        browser.driver.findElement(By.id("later-day")).sendKeys(Keys.ENTER);
        awaitUrl("date=" + YESTERDAY);
        browser.driver.findElement(By.id("latest-day")).click();
        awaitUrl("/");
        assertThat(titles()).contains(TDXD);

        // The day picker works without script: choose, then submit.
        new Select(browser.driver.findElement(By.id("date"))).selectByValue(EARLIER.toString());
        browser.driver.findElement(By.id("apply-filter")).click();
        awaitUrl("date=" + EARLIER);
        assertThat(titles()).containsExactly(NERATINIB);

        // The first Tab reaches the skip link, which leads to the main content.
        open("/");
        browser.driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = browser.driver.switchTo().activeElement();
        assertThat(focused.getAttribute("class")).contains("skip-link");
        assertThat(focused.isDisplayed()).isTrue();
        focused.sendKeys(Keys.ENTER);
        assertThat(browser.driver.switchTo().activeElement().getAttribute("id")).isEqualTo("main");
        assertThat(browser.consoleErrors()).isEmpty();

        HttpResponse<String> bad = http.send(request("/?date=2026-13-45"), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("2026-13-45").contains("yyyy-MM-dd");
    }

    @Test
    void aFailingSourceIsMarkedInWordsAndClass() {
        open("/#sources");
        browser.screenshot("home-sources");
        WebElement broken = browser.driver.findElement(By.id("source-broken"));
        assertThat(broken.getAttribute("class")).contains("failing");
        assertThat(broken.findElement(By.cssSelector(".status")).getText())
                .contains("⚠")
                .containsIgnoringCase("Failing");
        assertThat(broken.findElement(By.cssSelector(".error")).getText()).contains("500");
        assertThat(broken.getText()).contains("registry");
        assertThat(Integer.parseInt(
                        broken.findElement(By.cssSelector(".number")).getText()))
                .isPositive();
        assertThat(broken.getCssValue("background-color"))
                .isNotEqualTo(
                        browser.driver.findElement(By.id("source-journal")).getCssValue("background-color"));

        WebElement journal = browser.driver.findElement(By.id("source-journal"));
        assertThat(journal.getAttribute("class")).contains("healthy").doesNotContain("failing");
        assertThat(journal.findElement(By.cssSelector(".status")).getText()).isEqualTo("OK");
        assertThat(journal.findElement(By.tagName("time")).getAttribute("datetime"))
                .isNotBlank();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void hostileTitlesAndSummariesRenderAsTextAndNeverRun() {
        open("/");
        browser.screenshot("home-hostile");
        assertThatThrownBy(() -> browser.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.dialogFunctionCalled()).as("a dialog function ran").isFalse();
        // A blocked inline handler or script would show up here as a Content-Security-Policy violation.
        assertThat(browser.consoleErrors()).isEmpty();

        WebElement raw = article(rawTitle());
        assertThat(raw.findElement(By.cssSelector(".article-title a")).getText())
                .isEqualTo(rawTitle());
        assertThat(browser.driver.findElements(By.cssSelector(
                        "#digest img, #digest script, #digest svg, #digest [onerror], #digest [onload]")))
                .isEmpty();
        WebElement piped = browser.driver.findElements(By.cssSelector("#digest article")).stream()
                .filter(a -> a.findElement(By.cssSelector(".article-title"))
                        .getText()
                        .startsWith(HOSTILE_PREFIX))
                .findFirst()
                .orElseThrow();
        assertThat(piped.findElement(By.cssSelector(".summary")).getText())
                .contains("Trastuzumab biosimilar update")
                .doesNotContain("alert");
    }

    @Test
    void theLayoutFitsAPhoneScreen() {
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        try {
            open("/");
            browser.screenshot("home-phone");
            Number scrollWidth = (Number) browser.driver.executeScript("return document.documentElement.scrollWidth;");
            Number viewport = (Number) browser.driver.executeScript("return window.innerWidth;");
            assertThat(scrollWidth.intValue()).as("no sideways scrolling").isLessThanOrEqualTo(viewport.intValue());
            assertThat(browser.driver
                            .findElement(By.id("apply-filter"))
                            .getSize()
                            .getWidth())
                    .isGreaterThan(300);
            assertThat(browser.consoleErrors()).isEmpty();
        } finally {
            browser.driver.manage().window().setSize(new Dimension(1280, 1800));
        }
    }

    @Test
    void thePageNeedsNoScriptAndNoInlineStyle() throws Exception {
        for (String path : List.of("/", "/?date=" + YESTERDAY, "/?topic=breast-cancer", "/?date=nonsense")) {
            String html = http.send(request(path), HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(html)
                    .as(path)
                    .doesNotContainIgnoringCase("<script")
                    .doesNotContainPattern("(?i)<[^>]*\\sstyle\\s*=")
                    .doesNotContainPattern("(?i)<[^>]*\\son[a-z]+\\s*=")
                    .doesNotContainIgnoringCase("<style");
        }
    }

    /** The policy the page is built for (the http package's SecurityHeadersFilter sends it): this origin only. */
    private static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/", "/css/page.css", "/api/digests", "/feed.xml", "/?date=nonsense")) {
            HttpResponse<String> response = http.send(request(path), HttpResponse.BodyHandlers.ofString());
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValue(PAGE_POLICY);
            assertThat(response.headers().allValues("Content-Security-Policy"))
                    .as(path)
                    .hasSize(1);
            assertThat(response.headers().firstValue("X-Content-Type-Options"))
                    .as(path)
                    .hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy"))
                    .as(path)
                    .hasValue("strict-origin-when-cross-origin");
        }
    }

    private static String label(JsonNode digest, String slug) {
        for (JsonNode article : digest.get("articles")) {
            for (JsonNode topic : article.get("topics")) {
                if (topic.get("slug").asString().equals(slug)) {
                    return topic.get("label").asString();
                }
            }
        }
        throw new AssertionError("no label for " + slug);
    }

    private void open(String path) {
        browser.driver.get("http://localhost:" + port + path);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "complete".equals(browser.driver.executeScript("return document.readyState;")));
    }

    private void awaitUrl(String fragment) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> browser.driver.getCurrentUrl().contains(fragment)
                        && "complete".equals(browser.driver.executeScript("return document.readyState;")));
    }

    private List<String> titles() {
        return browser.driver.findElements(By.cssSelector("#digest .article-title")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private WebElement article(String title) {
        return browser.driver.findElements(By.cssSelector("#digest article")).stream()
                .filter(a -> a.findElement(By.cssSelector(".article-title"))
                        .getText()
                        .equals(title))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no article titled " + title + " among " + titles()));
    }

    private List<String> apiTitles(LocalDate day) throws Exception {
        List<String> titles = new ArrayList<>();
        getJson("/api/digests/" + day)
                .get("articles")
                .forEach(article -> titles.add(article.get("title").asString()));
        return titles;
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = http.send(request(path), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build();
    }
}
