package org.her2feeds.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.her2feeds.ops.OperationsTest.basic;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.her2feeds.testsupport.RemoteSources;
import org.her2feeds.testsupport.RunningApplication;
import org.her2feeds.testsupport.StubServer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The admin surface against a browser and a guesser: a cross-site form post carrying remembered credentials is
 * refused, credentials sent to public paths (health included) are never checked (no password hashing for anyone
 * who asks), and failed admin logins from one address are cut off after a few. Every check of a password publishes an
 * authentication event, which the test counts: that is the cost being bounded.
 */
@Import(AdminSurfaceTest.CountedLogins.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminSurfaceTest extends RunningApplication {

    static final String USER = "operator";
    static final String PASSWORD = "correct horse battery staple";
    static final String TOKEN = "t0ken-for-scripts-0123456789";
    static final int ALLOWED_FAILURES = 3;

    @RegisterExtension
    static final StubServer remote = StubServer.perClass();

    @Autowired
    CountedLogins logins;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        new RemoteSources(remote.started(), work)
                .serve("/journal.rss", "e2e/journal.rss.xml", "application/rss+xml")
                .topics(Files.readString(Path.of("config/topics.yml")))
                .property("her2.admin.user", USER)
                .property("her2.admin.password", PASSWORD)
                .property("her2.admin.token", TOKEN)
                .property("her2.admin.login-failures", String.valueOf(ALLOWED_FAILURES))
                .register(registry, Duration.ofMinutes(10));
        Files.writeString(work.resolve("sources.yml"), """
                sources:
                  - id: journal
                    title: Journal of Breast Oncology
                    url: %s/journal.rss
                    interval: PT30M
                """.formatted(remote.baseUrl()));
    }

    @Test
    @Order(1)
    void aStateChangingAdminRequestFromABrowserIsRefusedEvenWithCredentials() throws Exception {
        List<HttpRequest> fromBrowsers = List.of(
                post("/admin/fetch")
                        .header("Authorization", basic(USER, PASSWORD))
                        .header("Origin", "https://evil.example")
                        .build(),
                post("/admin/retag")
                        .header("Authorization", basic(USER, PASSWORD))
                        .header("Sec-Fetch-Site", "cross-site")
                        .build(),
                post("/admin/sources/journal/pause")
                        .header("Authorization", "Bearer " + TOKEN)
                        .header("Sec-Fetch-Site", "same-site")
                        .header("Sec-Fetch-Mode", "navigate")
                        .build());
        for (HttpRequest request : fromBrowsers) {
            HttpResponse<String> response = send(request);
            assertThat(response.statusCode()).as(request.uri().toString()).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).contains("browser");
        }
        assertThat(logins.checked).as("refused before any password is checked").isEmpty();

        // The same call from a script (no Origin, no Sec-Fetch-*) goes through.
        HttpResponse<String> fromScript = send(post("/admin/fetch")
                .header("Authorization", basic(USER, PASSWORD))
                .build());
        assertThat(fromScript.statusCode()).isEqualTo(202);
    }

    @Test
    @Order(2)
    void publicPathsIgnoreCredentials() throws Exception {
        int before = logins.failures();
        for (String path : List.of("/feed.xml", "/api/digests", "/api/sources", "/")) {
            for (String authorization :
                    List.of(basic("nobody", "whatever"), basic(USER, "guess"), "Bearer not-the-token")) {
                HttpResponse<String> response = send(
                        request(path).header("Authorization", authorization).build());
                assertThat(response.statusCode())
                        .as(path + " with " + authorization)
                        .isEqualTo(200);
            }
        }
        assertThat(logins.failures())
                .as("no password was checked for a public path")
                .isEqualTo(before);
    }

    @Test
    @Order(3)
    void healthIgnoresCredentialsAndItsDetailsAreTheAdminsAlone() throws Exception {
        int before = logins.failures();
        // More wrong guesses than the admin's login limit allows: none is checked, so none counts toward it.
        for (int i = 0; i <= ALLOWED_FAILURES; i++) {
            HttpResponse<String> health = send(request("/actuator/health")
                    .header("Authorization", basic(USER, "guess-" + i))
                    .build());
            assertThat(health.statusCode()).as("health with a wrong password").isEqualTo(200);
        }
        assertThat(logins.failures()).as("no password was checked for health").isEqualTo(before);

        // Details stay hidden on the public path, even for the admin's own credentials (never checked there).
        HttpResponse<String> withCredentials = send(request("/actuator/health")
                .header("Authorization", basic(USER, PASSWORD))
                .build());
        assertThat(withCredentials.statusCode()).isEqualTo(200);
        assertThat(withCredentials.body()).contains("\"sources\"").doesNotContain("\"details\"");
        HttpResponse<String> component = send(request("/actuator/health/sources")
                .header("Authorization", basic(USER, PASSWORD))
                .build());
        assertThat(component.statusCode()).isEqualTo(200);
        assertThat(component.body()).doesNotContain("failing");

        // The admin reads them inside the admin surface; the address was not cut off by the guesses above.
        HttpResponse<String> admin = send(request("/actuator/health/admin")
                .header("Authorization", basic(USER, PASSWORD))
                .build());
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("\"details\"", "\"failing\"");
        assertThat(send(request("/actuator/health/admin").build()).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(4)
    void failedAdminLoginsFromOneAddressAreCutOff() throws Exception {
        int before = logins.failures();
        for (int i = 0; i < ALLOWED_FAILURES; i++) {
            assertThat(send(post("/admin/fetch")
                                    .header("Authorization", basic(USER, "guess-" + i))
                                    .build())
                            .statusCode())
                    .isEqualTo(401);
        }
        for (String authorization : List.of(basic(USER, "guess-again"), basic(USER, PASSWORD), "Bearer wrong")) {
            HttpResponse<String> refused = send(
                    post("/admin/fetch").header("Authorization", authorization).build());
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        }
        assertThat(logins.failures() - before)
                .as("passwords checked: only the allowed failures")
                .isEqualTo(ALLOWED_FAILURES);
        // Readers are not punished for what an address did to the admin API.
        assertThat(send(request("/feed.xml").build()).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder post(String path) {
        return request(path).POST(HttpRequest.BodyPublishers.noBody());
    }

    /** Records every password check that failed, as Spring Security announces it. */
    @TestConfiguration
    static class CountedLogins {
        final List<String> checked = new CopyOnWriteArrayList<>();

        @EventListener
        void failed(AbstractAuthenticationFailureEvent event) {
            checked.add(String.valueOf(event.getAuthentication().getPrincipal()));
        }

        int failures() {
            return checked.size();
        }
    }
}
