package org.her2feeds.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.her2feeds.sources.Source;
import org.her2feeds.sources.SourceCatalog;
import org.her2feeds.store.SourceStates;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The page as the README shows it: the demo profile reading the offline snapshots of feeds/demo.yml. Saves
 * target/screenshots/demo-page.png (the busiest day, whole page), the source of src/docs/screenshot.png
 * (reduced with {@code pngquant --quality=60-85 --output src/docs/screenshot.png target/screenshots/demo-page.png}).
 */
// The application writes into the temporary folder (database, search index on a background thread) until it
// closes: close it with its class, before JUnit deletes that folder.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class DemoPageBrowserTest {

    @TempDir
    static Path work;

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    SourceCatalog catalog;

    @Autowired
    SourceStates states;

    @Autowired
    JsonMapper json;

    final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("her2.data-dir", () -> work.resolve("data").toString());
        registry.add("her2.schedule.first-fetch-window", () -> "PT1S");
    }

    @BeforeAll
    static void openBrowser() {
        browser = Browser.open(1100, 1400);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theDemoPageShowsEverySampleSourceHealthyAndTheBusiestDay() throws Exception {
        assertThat(catalog.all()).extracting(Source::id).allMatch(id -> id.startsWith("sample-"));
        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> assertThat(catalog.all())
                        .allSatisfy(source -> assertThat(states.find(source.id()))
                                .hasValueSatisfying(
                                        s -> assertThat(s.lastSuccessAt()).isNotNull())));

        JsonNode days = getJson("/api/digests");
        JsonNode busiest = days.get(0);
        for (JsonNode day : days) {
            if (day.get("count").asLong() > busiest.get("count").asLong()) {
                busiest = day;
            }
        }
        LocalDate date = LocalDate.parse(busiest.get("date").asString());
        browser.consoleErrors();
        browser.driver.get("http://localhost:" + port + "/?date=" + date);

        List<WebElement> articles = browser.driver.findElements(By.cssSelector("#digest article"));
        assertThat(articles).hasSize((int) busiest.get("count").asLong());
        // Every article says what kind of article it is, as the digest does.
        List<String> typeLabels = new java.util.ArrayList<>();
        getJson("/api/digests/" + date)
                .get("articles")
                .forEach(a -> typeLabels.add(a.at("/type/label").asString()));
        assertThat(articles)
                .extracting(article ->
                        article.findElement(By.cssSelector(".meta .type")).getText())
                .containsExactlyInAnyOrderElementsOf(typeLabels.stream()
                        .map(label -> label.toUpperCase(java.util.Locale.ROOT))
                        .toList());
        Set<String> topics = new HashSet<>();
        for (JsonNode day : days) {
            LocalDate d = LocalDate.parse(day.get("date").asString());
            if (!d.isAfter(date) && d.isAfter(date.minusDays(30))) {
                getJson("/api/digests/" + d).get("topics").propertyNames().forEach(topics::add);
            }
        }
        assertThat(browser.driver.findElements(By.cssSelector("#topic-chart polyline.series")))
                .extracting(e -> e.getAttribute("data-topic"))
                .containsExactlyInAnyOrderElementsOf(topics);
        assertThat(browser.driver.findElements(By.cssSelector("#sources tbody tr")))
                .hasSize(catalog.all().size())
                .allSatisfy(row -> assertThat(row.getAttribute("class")).contains("healthy"));
        assertThat(browser.consoleErrors()).isEmpty();

        Number height = (Number) browser.driver.executeScript("return document.documentElement.scrollHeight;");
        browser.driver.manage().window().setSize(new Dimension(1100, Math.min(6000, height.intValue() + 140)));
        Path shot = browser.screenshot("demo-page");
        assertThat(Files.size(shot)).isPositive();
    }

    @Test
    void theApiDocumentationStillWorksUnderTheContentSecurityPolicy() {
        browser.consoleErrors();
        browser.driver.get("http://localhost:" + port + "/swagger-ui/index.html");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !browser.driver
                        .findElements(By.cssSelector(".swagger-ui .opblock"))
                        .isEmpty());
        browser.screenshot("swagger-ui");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return json.readTree(response.body());
    }
}
