package org.her2feeds.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import org.her2feeds.Her2FeedsApplication;
import org.her2feeds.ingest.IngestOutcome;
import org.her2feeds.ingest.IngestService;
import org.her2feeds.sources.SourceCatalog;
import org.her2feeds.store.SourceState;
import org.her2feeds.store.SourceStates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A source retired by 410 Gone stays retired until the operator gives it a new URL; then it is fetched again. */
class RetiredSourceTest {

    @TempDir
    Path dir;

    @Test
    void aGoneSourceComesBackWithANewUrl() throws Exception {
        WireMockServer remote =
                new WireMockServer(WireMockConfiguration.options().dynamicPort());
        remote.start();
        try {
            remote.stubFor(get("/old").willReturn(aResponse().withStatus(410)));
            remote.stubFor(get("/new")
                    .willReturn(aResponse()
                            .withHeader("Content-Type", "application/rss+xml")
                            .withBody(TestFeeds.rss("moved", 1, 2))));
            Path sources = dir.resolve("sources.yml");
            Files.writeString(sources, source(remote.baseUrl() + "/old"));
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Her2FeedsApplication.class)
                    .run(
                            "--spring.main.web-application-type=none",
                            "--spring.quartz.auto-startup=false",
                            "--her2.data-dir=" + dir.resolve("data"),
                            "--her2.sources-file=" + sources,
                            "--her2.fetch.allow-private-addresses=true")) {
                IngestService ingest = app.getBean(IngestService.class);
                assertThat(ingest.ingest("journal").status()).isEqualTo(410);
                assertThat(ingest.activeSources()).isEmpty();
                assertThat(ingest.ingest("journal").error()).startsWith("not fetched: gone");

                Files.writeString(sources, source(remote.baseUrl() + "/new"));
                app.getBean(SourceCatalog.class).reload();
                assertThat(ingest.activeSources()).extracting(s -> s.id()).containsExactly("journal");
                IngestOutcome moved = ingest.ingest("journal");
                assertThat(moved.error()).isNull();
                assertThat(moved.added()).isEqualTo(2);
                SourceState state =
                        app.getBean(SourceStates.class).find("journal").orElseThrow();
                assertThat(state.disabledReason()).isNull();
                assertThat(state.currentUrl()).isEqualTo(remote.baseUrl() + "/new");
                assertThat(state.nextFetchAt()).isNotNull();
            }
        } finally {
            remote.stop();
        }
    }

    private static String source(String url) {
        return "sources:\n  - id: journal\n    title: Journal\n    url: " + url + "\n    interval: PT30M\n";
    }
}
