package org.her2feeds.ops;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.her2feeds.ops.OperationsTest.basic;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.her2feeds.testsupport.RemoteSources;
import org.her2feeds.testsupport.RunningApplication;
import org.her2feeds.testsupport.StubServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Source URLs carry secrets (user:password, API keys in the query) and file sources carry the server's paths;
 * failures carry internal detail. None of it reaches a public output: the API, the OPML list, the feeds and the
 * page show masked URLs and a short error; the admin API shows everything.
 */
class PrivateDataTest extends RunningApplication {

    static final String USER = "operator";
    static final String PASSWORD = "correct horse battery staple";
    static final String SECRET = "s3cretpw";
    static final String KEY = "K3Y-VALUE-42";

    @RegisterExtension
    static final StubServer remote = StubServer.perClass();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        new RemoteSources(remote.started(), work)
                .topics(Files.readString(java.nio.file.Path.of("config/topics.yml")))
                .property("her2.admin.user", USER)
                .property("her2.admin.password", PASSWORD)
                .schedulerOff()
                .register(registry);
        Files.write(work.resolve("local.rss.xml"), RemoteSources.resource("e2e/news.atom.xml"));
        String withSecrets = remote.baseUrl().replace("http://", "http://reader:" + SECRET + "@");
        Files.writeString(work.resolve("sources.yml"), """
                sources:
                  - id: journal
                    title: Journal of Breast Oncology
                    url: %1$s/journal.rss?api_key=%2$s&topic=her2&Token=%2$s
                    kind: journal
                  - id: local
                    title: Local snapshot
                    url: file:local.rss.xml
                  - id: broken
                    title: Broken Feed
                    url: %1$s/broken.rss?access_token=%2$s
                """.formatted(withSecrets, KEY));
        remote.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/journal.rss"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/rss+xml")
                        .withBody(RemoteSources.resource("e2e/journal.rss.xml"))));
        remote.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/broken.rss"))
                .willReturn(aResponse().withStatus(500)));
    }

    @Test
    void publicOutputsShowNeitherSecretsNorPathsNorInternalErrors() throws Exception {
        ingest.ingest("journal");
        ingest.ingest("local");
        ingest.ingest("broken");
        String folder = work.toAbsolutePath().toString();

        for (String path : List.of(
                "/api/sources",
                "/api/sources/journal",
                "/api/sources/broken",
                "/api/sources/local",
                "/sources.opml",
                "/feed.xml",
                "/feed.atom",
                "/feed.json",
                "/api/digests",
                "/")) {
            HttpResponse<String> response = read(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body())
                    .as(path)
                    .doesNotContain(SECRET)
                    .doesNotContain(KEY)
                    .doesNotContain(folder)
                    .doesNotContain("reader:");
        }

        JsonNode journal = json.readTree(read("/api/sources/journal").body());
        assertThat(journal.get("url").asString())
                .isEqualTo(remote.baseUrl().replace("http://", "http://***@")
                        + "/journal.rss?api_key=***&topic=her2&Token=***");
        assertThat(json.readTree(read("/api/sources/local").body()).get("url").asString())
                .isEqualTo("file:local.rss.xml");
        assertThat(read("/feed.xml").body()).contains("/journal.rss?api_key=***&amp;topic=her2&amp;Token=***");

        JsonNode broken = json.readTree(read("/api/sources/broken").body());
        assertThat(broken.get("lastError").asString()).isEqualTo("HttpStatus: the server answered HTTP 500");
    }

    @Test
    void theAdminSeesFullUrlsAndErrors() throws Exception {
        ingest.ingest("broken");

        HttpResponse<String> all = http.send(
                request("/admin/sources")
                        .header("Authorization", basic(USER, PASSWORD))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(all.statusCode()).isEqualTo(200);
        JsonNode sources = json.readTree(all.body());
        assertThat(sources.get(0).get("url").asString())
                .contains("reader:" + SECRET + "@")
                .contains("api_key=" + KEY);
        assertThat(sources.get(1).get("url").asString())
                .isEqualTo(
                        work.toAbsolutePath().resolve("local.rss.xml").toUri().toString());
        assertThat(sources.get(2).get("lastError").asString())
                .startsWith("HttpStatus: http://reader:" + SECRET)
                .contains("HTTP 500");
        assertThat(read("/admin/sources").statusCode())
                .as("the admin's view needs credentials")
                .isEqualTo(401);
    }

    private HttpResponse<String> read(String path) throws Exception {
        return http.send(request(path).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
