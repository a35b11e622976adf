package org.her2feeds.ops;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.her2feeds.sources.SourceCatalog;
import org.her2feeds.store.SourceStates;
import org.her2feeds.testsupport.ApiContract;
import org.her2feeds.testsupport.RemoteSources;
import org.her2feeds.testsupport.RunningApplication;
import org.her2feeds.testsupport.StubServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The operator's side of one instance (embedded database): the admin API and the actuator endpoints refuse
 * callers without the admin's credentials, and do what they say with them; the public outputs stay open and
 * read-only; health, info and the Prometheus metrics report what happened.
 */
class OperationsTest extends RunningApplication {

    static final String USER = "operator";
    static final String PASSWORD = "correct horse battery staple";
    static final String TOKEN = "t0ken-for-scripts-0123456789";

    @RegisterExtension
    static final StubServer remote = StubServer.perClass();

    @Autowired
    Scheduler scheduler;

    @Autowired
    SourceStates states;

    @Autowired
    SourceCatalog catalog;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        // The test rewrites the sources file (reloads), so it writes the listing itself.
        new RemoteSources(remote.started(), work)
                .serve("/journal.rss", "e2e/journal.rss.xml", "application/rss+xml")
                .serve("/news.atom", "e2e/news.atom.xml", "application/atom+xml")
                .topics(Files.readString(Path.of("config/topics.yml")))
                .property("her2.admin.user", USER)
                .property("her2.admin.password", PASSWORD)
                .property("her2.admin.token", TOKEN)
                // This test guesses wrong on purpose many times; the cut-off is AdminSurfaceTest's subject.
                .property("her2.admin.login-failures", "1000")
                .property("her2.stories-file", work.resolve("stories.yml").toString())
                // Scheduled fetches come late; the test drives fetching through the admin API.
                .register(registry, Duration.ofMinutes(10));
        Files.writeString(work.resolve("sources.yml"), sources(""));
        Files.writeString(work.resolve("stories.yml"), Files.readString(Path.of("config/stories.yml")));
        remote.stubFor(get("/broken.rss").willReturn(aResponse().withStatus(500)));
    }

    static String sources(String extra) {
        return """
                sources:
                  - id: journal
                    title: Journal of Breast Oncology
                    url: %1$s/journal.rss
                    interval: PT30M
                  - id: news
                    title: Oncology Wire
                    url: %1$s/news.atom
                    interval: PT30M
                  - id: broken
                    title: Broken Feed
                    url: %1$s/broken.rss
                    interval: PT30M
                %2$s""".formatted(remote.baseUrl(), extra);
    }

    @Test
    void everyAdminCallAndNonPublicActuatorEndpointIsRefusedWithoutCredentials() throws Exception {
        List<HttpRequest.Builder> calls = List.of(
                post("/admin/sources/journal/fetch"),
                post("/admin/fetch"),
                post("/admin/sources/journal/pause"),
                post("/admin/sources/journal/resume"),
                post("/admin/retag"),
                post("/admin/reload"),
                request("/actuator/prometheus"),
                request("/actuator"));
        for (HttpRequest.Builder call : calls) {
            HttpRequest anonymous = call.copy().build();
            assertThat(send(anonymous).statusCode())
                    .as("%s %s without credentials", anonymous.method(), anonymous.uri())
                    .isEqualTo(401);
            HttpRequest wrongPassword =
                    call.copy().header("Authorization", basic(USER, "guess")).build();
            assertThat(send(wrongPassword).statusCode())
                    .as("%s with a wrong password", wrongPassword.uri())
                    .isEqualTo(401);
            HttpRequest wrongToken =
                    call.copy().header("Authorization", "Bearer " + TOKEN + "x").build();
            assertThat(send(wrongToken).statusCode())
                    .as("%s with a wrong token", wrongToken.uri())
                    .isEqualTo(401);
        }
        assertThat(send(request("/admin/fetch")
                                .copy()
                                .header("Authorization", basic(USER, PASSWORD))
                                .build())
                        .statusCode())
                .as("admin actions are POSTs")
                .isEqualTo(405);
    }

    @Test
    void publicOutputsStayOpenAndReadOnly() throws Exception {
        assertThat(send(request("/feed.xml").build()).statusCode()).isEqualTo(200);
        assertThat(send(request("/api/digests").build()).statusCode()).isEqualTo(200);
        assertThat(send(request("/feed.xml")
                                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                .build())
                        .statusCode())
                .isEqualTo(200);
        assertThat(send(post("/feed.xml").build()).statusCode()).isIn(401, 403);
        assertThat(send(request("/api/digests")
                                .method("DELETE", HttpRequest.BodyPublishers.noBody())
                                .build())
                        .statusCode())
                .isIn(401, 403);

        HttpResponse<String> health = send(request("/actuator/health").build());
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode components = json.readTree(health.body()).get("components");
        assertThat(components.has("db")).isTrue();
        assertThat(components.has("scheduler")).isTrue();
        assertThat(components.has("sources")).isTrue();
        assertThat(components.get("sources").has("details"))
                .as("details are for the admin")
                .isFalse();
        assertThat(send(request("/actuator/health/readiness").build()).statusCode())
                .isEqualTo(200);

        JsonNode info = json.readTree(send(request("/actuator/info").build()).body());
        assertThat(info.get("build").get("artifact").asString()).isEqualTo("her2-feeds");
        assertThat(info.get("build").get("version").asString()).isNotBlank();
        if (Files.exists(Path.of(".git"))) {
            assertThat(info.get("git").get("commit").get("id").asString()).isNotBlank();
        }
    }

    @Test
    void anAdminFetchesPausesResumesRetagsAndReloads() throws Exception {
        HttpResponse<String> fetch = send(post("/admin/sources/journal/fetch")
                .header("Authorization", basic(USER, PASSWORD))
                .build());
        assertThat(fetch.statusCode()).isEqualTo(202);
        assertThat(json.readTree(fetch.body()).get("scheduled").get(0).asString())
                .isEqualTo("journal");
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> remote.verify(getRequestedFor(urlEqualTo("/journal.rss"))));

        HttpResponse<String> all = send(
                post("/admin/fetch").header("Authorization", "Bearer " + TOKEN).build());
        assertThat(all.statusCode()).isEqualTo(202);
        assertThat(json.readTree(all.body())
                        .get("scheduled")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList())
                .containsExactlyInAnyOrder("journal", "news", "broken");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            remote.verify(2, getRequestedFor(urlEqualTo("/journal.rss")));
            remote.verify(getRequestedFor(urlEqualTo("/news.atom")));
            remote.verify(getRequestedFor(urlEqualTo("/broken.rss")));
            assertThat(states.find("broken"))
                    .hasValueSatisfying(
                            state -> assertThat(state.consecutiveFailures()).isPositive());
        });

        assertThat(send(post("/admin/sources/nosuch/fetch")
                                .header("Authorization", "Bearer " + TOKEN)
                                .build())
                        .statusCode())
                .isEqualTo(404);

        HttpResponse<String> pause = send(post("/admin/sources/news/pause")
                .header("Authorization", "Bearer " + TOKEN)
                .build());
        assertThat(pause.statusCode()).isEqualTo(200);
        assertThat(json.readTree(pause.body()).get("disabledReason").asString()).isEqualTo("paused by operator");
        assertThat(states.find("news"))
                .hasValueSatisfying(state -> assertThat(state.disabledReason()).isEqualTo("paused by operator"));
        assertThat(hasJob("news")).as("a paused source has no job").isFalse();
        HttpResponse<String> refused = send(post("/admin/sources/news/fetch")
                .header("Authorization", "Bearer " + TOKEN)
                .build());
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("paused by operator");

        assertThat(send(post("/admin/sources/news/resume")
                                .header("Authorization", basic(USER, PASSWORD))
                                .build())
                        .statusCode())
                .isEqualTo(200);
        assertThat(states.find("news"))
                .hasValueSatisfying(state -> assertThat(state.disabledReason()).isNull());
        assertThat(hasJob("news")).isTrue();

        HttpResponse<String> retag = send(
                post("/admin/retag").header("Authorization", "Bearer " + TOKEN).build());
        assertThat(retag.statusCode()).isEqualTo(200);
        assertThat(json.readTree(retag.body()).get("articlesChanged").asInt())
                .as("same rules, same tags")
                .isZero();

        // A bad stories file is refused with its line, and the story rules in force stay: read again, the file as
        // it was is no change.
        String storyRules = Files.readString(work.resolve("stories.yml"));
        Files.writeString(work.resolve("stories.yml"), storyRules.replace("window-days: 30", "window-days: thirty"));
        HttpResponse<String> badStories = send(
                post("/admin/reload").header("Authorization", "Bearer " + TOKEN).build());
        assertThat(badStories.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badStories.body()).get("detail").asString())
                .contains("stories.yml line", "window-days", "thirty");
        Files.writeString(work.resolve("stories.yml"), storyRules);
        HttpResponse<String> unchanged = send(
                post("/admin/reload").header("Authorization", "Bearer " + TOKEN).build());
        assertThat(unchanged.statusCode()).as(unchanged.body()).isEqualTo(200);
        assertThat(json.readTree(unchanged.body()).get("storyRulesChanged").asBoolean())
                .isFalse();

        // A bad sources file is refused with its line, and the current sources stay.
        Files.writeString(work.resolve("sources.yml"), sources("  - id: extra\n    intervall: PT1H\n"));
        HttpResponse<String> bad = send(
                post("/admin/reload").header("Authorization", "Bearer " + TOKEN).build());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).get("detail").asString()).contains("sources.yml line", "intervall");
        assertThat(catalog.all()).hasSize(3);

        // A new source and a new topic are taken up without a restart; the archive is re-tagged with the new topic.
        Files.writeString(work.resolve("sources.yml"), sources("""
                  - id: extra
                    title: Extra
                    url: %s/journal.rss
                    interval: PT1H
                """.formatted(remote.baseUrl())));
        Files.writeString(work.resolve("topics.yml"), Files.readString(work.resolve("topics.yml")) + """

                  - slug: gastric
                    label: Gastric cancer
                    description: HER2 in gastric and gastro-oesophageal cancers.
                    terms:
                      - gastric
                """);
        Files.writeString(work.resolve("stories.yml"), storyRules.replace("window-days: 30", "window-days: 21"));
        HttpResponse<String> reload = send(post("/admin/reload")
                .header("Authorization", basic(USER, PASSWORD))
                .build());
        assertThat(reload.statusCode()).as(reload.body()).isEqualTo(200);
        JsonNode reloaded = json.readTree(reload.body());
        assertThat(reloaded.get("sources").asInt()).isEqualTo(4);
        assertThat(reloaded.get("rulesChanged").asBoolean()).isTrue();
        assertThat(reloaded.get("storyRulesChanged").asBoolean()).isTrue();
        assertThat(reloaded.get("articlesRetagged").asInt())
                .as("the gastric article gains the topic")
                .isPositive();
        assertThat(hasJob("extra")).isTrue();
        JsonNode gastric = json.readTree(
                        send(request("/api/digests/2026-11-25").build()).body())
                .get("articles")
                .get(0);
        assertThat(gastric.get("topics").findValuesAsString("slug")).contains("gastric");

        String metrics = send(request("/actuator/prometheus")
                        .header("Authorization", "Bearer " + TOKEN)
                        .build())
                .body();
        assertThat(metrics)
                .contains(
                        "her2_fetches_total{outcome=\"ok\",source=\"journal\"} 2.0",
                        "her2_fetches_total{outcome=\"failed\",source=\"broken\"}",
                        "her2_fetch_duration_seconds_count{source=\"news\"}",
                        "her2_items_total{result=\"new\",source=\"journal\"}",
                        "her2_items_total{result=\"rejected\",source=\"journal\"}",
                        "her2_articles{topic=\"gastric\"} ",
                        "her2_scheduler_lag_seconds",
                        "http_server_requests_seconds_count{");

        JsonNode health = json.readTree(send(request("/actuator/health/admin")
                        .header("Authorization", basic(USER, PASSWORD))
                        .build())
                .body());
        JsonNode sources = health.get("components").get("sources");
        assertThat(sources.get("status").asString()).isEqualTo("UP");
        assertThat(sources.get("details").get("failing").asInt()).isEqualTo(1);
        assertThat(sources.get("details").get("failingSources").get(0).get("id").asString())
                .isEqualTo("broken");
        JsonNode schedulerHealth = health.get("components").get("scheduler");
        assertThat(schedulerHealth.get("status").asString()).isEqualTo("UP");
        assertThat(schedulerHealth.get("details").get("jobs").asInt()).isEqualTo(4);
    }

    /** Every JSON answer of the API and the admin API is checked against the served OpenAPI description. */
    private HttpResponse<String> send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String path = request.uri().getRawPath();
        String type = response.headers().firstValue("Content-Type").orElse("");
        // 405: a method the description rightly does not list (the test asks for it on purpose).
        if (ApiContract.describes(path) && type.contains("json") && response.statusCode() != 405) {
            ApiContract.servedAt("http://localhost:" + port)
                    .assertConforms(
                            request.method(),
                            path,
                            response.statusCode(),
                            type,
                            response.body().getBytes(StandardCharsets.UTF_8));
        }
        return response;
    }

    private HttpRequest.Builder post(String path) {
        return request(path).POST(HttpRequest.BodyPublishers.noBody());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the scheduler holds a job for the source, whatever group the scheduling package files it under. */
    private boolean hasJob(String sourceId) throws SchedulerException {
        return scheduler.getJobKeys(GroupMatcher.anyGroup()).stream()
                .anyMatch(key -> key.getName().equals(sourceId));
    }
}
