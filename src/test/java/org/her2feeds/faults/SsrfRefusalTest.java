package org.her2feeds.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.her2feeds.ingest.IngestOutcome;
import org.her2feeds.store.SourceState;
import org.her2feeds.store.SourceStates;
import org.her2feeds.testsupport.RunningApplication;
import org.her2feeds.testsupport.StubServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code her2.fetch.allow-private-addresses} unset (the default), sources on loopback, private, link-local
 * or cloud-metadata addresses are refused before any connection, the refusal is recorded on the source, and a
 * healthy source in the same run is stored as usual. (A redirect from a public host to such an address is refused
 * the same way, hop by hop: see {@code FeedFetcherSsrfTest}.)
 */
class SsrfRefusalTest extends RunningApplication {

    @RegisterExtension
    static final StubServer internal = StubServer.perClass();

    @Autowired
    SourceStates states;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        internal.stubFor(
                get(anyUrl()).willReturn(aResponse().withStatus(200).withBody(TestFeeds.rss("internal", 1, 2))));
        Path healthy = work.resolve("healthy.rss");
        Files.writeString(healthy, TestFeeds.rss("healthy", 1, 3));
        Path sources = work.resolve("sources.yml");
        Files.writeString(sources, """
                sources:
                  - id: loopback
                    title: Loopback
                    url: http://127.0.0.1:%d/feed
                  - id: metadata
                    title: Cloud metadata
                    url: http://169.254.169.254/latest/meta-data/
                  - id: private
                    title: Private network
                    url: http://10.0.0.1/feed
                  - id: healthy
                    title: Healthy
                    url: %s
                """.formatted(internal.port(), healthy.toUri()));
        registry.add("her2.sources-file", sources::toString);
        registry.add("her2.data-dir", () -> work.resolve("data").toString());
        registry.add("spring.quartz.auto-startup", () -> "false");
    }

    @Test
    void privateAddressesAreRefusedAndRecordedWhileOtherSourcesCarryOn() {
        for (String id : new String[] {"loopback", "metadata", "private"}) {
            IngestOutcome outcome = ingest.ingest(id);

            assertThat(outcome.error()).as(id).startsWith("ForbiddenAddress: ");
            assertThat(outcome.nextFetchAt()).as(id).isNotNull();
            SourceState state = states.find(id).orElseThrow();
            assertThat(state.lastError()).isEqualTo(outcome.error());
            assertThat(state.lastStatus()).isNull();
            assertThat(state.consecutiveFailures()).isEqualTo(1);
        }
        IngestOutcome healthy = ingest.ingest("healthy");

        assertThat(healthy.error()).isNull();
        assertThat(healthy.added()).isEqualTo(3);
        internal.verify(0, anyRequestedFor(anyUrl()));
    }
}
