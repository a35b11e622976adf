package org.her2feeds.ops;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.her2feeds.testsupport.RemoteSources;
import org.her2feeds.testsupport.RunningApplication;
import org.her2feeds.testsupport.StubServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An instance whose operator configured no admin credentials: the admin API and the private actuator endpoints
 * are closed to everyone (403), not open. And the sources' health as a monitor sees it: WARNING (still HTTP 200)
 * when more than the configured share of sources fail, DOWN (503) when all do, while the readiness probe that
 * load balancers use stays UP, because the archive is still served.
 */
class HealthWithoutAdminTest extends RunningApplication {

    @RegisterExtension
    static final StubServer remote = StubServer.perClass();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        RemoteSources sources =
                new RemoteSources(remote, work).serve("/journal.rss", "e2e/journal.rss.xml", "application/rss+xml");
        remote.stubFor(get("/broken.rss").willReturn(aResponse().withStatus(500)));
        sources.add("journal", "Journal", "/journal.rss", null, null)
                .add("broken", "Broken", "/broken.rss", null, null)
                .register(registry, Duration.ofMinutes(10));
        registry.add("her2.ops.failing-share-warning", () -> "0.4");
        // An operator's environment may hold these; this instance is meant to have none.
        registry.add("her2.admin.user", () -> "");
        registry.add("her2.admin.password", () -> "");
        registry.add("her2.admin.token", () -> "");
    }

    @Test
    void withoutConfiguredCredentialsTheAdminApiIsClosedToEveryone() throws Exception {
        for (String path : new String[] {"/admin/fetch", "/admin/reload", "/admin/sources/journal/pause"}) {
            HttpRequest anonymous =
                    request(path).POST(HttpRequest.BodyPublishers.noBody()).build();
            assertThat(http.send(anonymous, HttpResponse.BodyHandlers.discarding())
                            .statusCode())
                    .as(path)
                    .isEqualTo(403);
            HttpRequest guessing = request(path)
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .header("Authorization", OperationsTest.basic("admin", "admin"))
                    .build();
            assertThat(http.send(guessing, HttpResponse.BodyHandlers.discarding())
                            .statusCode())
                    .as(path)
                    .isEqualTo(403);
        }
        assertThat(status("/actuator/prometheus")).isEqualTo(403);
        assertThat(status("/feed.xml")).isEqualTo(200);
        assertThat(status("/actuator/info")).isEqualTo(200);
    }

    @Test
    void sourcesHealthWarnsThenGoesDownWhileTheInstanceStaysReady() throws Exception {
        ingest.ingest("journal");
        ingest.ingest("broken");
        HttpResponse<String> warning = fetch("/actuator/health");
        assertThat(warning.statusCode()).as("WARNING is served with 200").isEqualTo(200);
        assertThat(json.readTree(warning.body()).get("status").asString()).isEqualTo("WARNING");
        assertThat(json.readTree(warning.body())
                        .get("components")
                        .get("sources")
                        .get("status")
                        .asString())
                .isEqualTo("WARNING");

        remote.stubFor(get("/journal.rss").willReturn(aResponse().withStatus(503)));
        ingest.ingest("journal");
        HttpResponse<String> down = fetch("/actuator/health");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(json.readTree(down.body())
                        .get("components")
                        .get("sources")
                        .get("status")
                        .asString())
                .isEqualTo("DOWN");
        assertThat(json.readTree(down.body())
                        .get("components")
                        .get("db")
                        .get("status")
                        .asString())
                .isEqualTo("UP");
        assertThat(status("/actuator/health/readiness")).isEqualTo(200);
        assertThat(status("/feed.xml")).as("the archive is still served").isEqualTo(200);
    }

    private int status(String path) throws Exception {
        return fetch(path).statusCode();
    }

    private HttpResponse<String> fetch(String path) throws Exception {
        return http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }
}
