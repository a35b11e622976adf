package org.her2feeds.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Per-host politeness, proved without timing: the stub server holds every request at a gate the test opens,
 * and counts how many it holds at once.
 */
class HostConcurrencyTest {

    private final GateTransformer gate = new GateTransformer();
    private WireMockServer wm;
    private ExecutorService callers;

    @BeforeEach
    void setUp() {
        wm = new WireMockServer(
                wireMockConfig().dynamicPort().gzipDisabled(true).extensions(gate));
        wm.start();
        wm.stubFor(get("/feed").willReturn(aResponse().withStatus(200).withBody("<rss/>")));
        callers = Executors.newFixedThreadPool(4);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        gate.open();
        callers.shutdownNow();
        callers.awaitTermination(10, TimeUnit.SECONDS);
        wm.stop();
    }

    @Test
    void atMostTwoRequestsReachOneHostAtOnce() throws Exception {
        HostPermits permits = new HostPermits(2);
        URI url = URI.create("http://localhost:" + wm.port() + "/feed");
        try (FeedFetcher fetcher = fetcher(permits)) {
            List<Future<FetchResult>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(callers.submit(() -> fetcher.fetch(FetchRequest.of("s", url))));
            }

            // Two requests held by the server and two fetches queued for the host: all four are in play.
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> gate.inFlight() == 2 && permits.waiting("localhost") == 2);
            gate.open();

            for (Future<FetchResult> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).isInstanceOf(Fetched.class);
            }
        }
        assertThat(gate.maxInFlight()).isEqualTo(2);
        wm.verify(4, getRequestedFor(urlEqualTo("/feed")));
    }

    @Test
    void aBusyHostDoesNotHoldBackAnother() throws Exception {
        HostPermits permits = new HostPermits(1);
        try (FeedFetcher fetcher = fetcher(permits)) {
            Future<FetchResult> first = callers.submit(
                    () -> fetcher.fetch(FetchRequest.of("a", URI.create("http://localhost:" + wm.port() + "/feed"))));
            await().atMost(Duration.ofSeconds(10)).until(() -> gate.inFlight() == 1);

            // Same server under another host name: its own slot, so it reaches the server while the first is held.
            Future<FetchResult> second = callers.submit(
                    () -> fetcher.fetch(FetchRequest.of("b", URI.create("http://127.0.0.1:" + wm.port() + "/feed"))));
            await().atMost(Duration.ofSeconds(10)).until(() -> gate.inFlight() == 2);
            gate.open();

            assertThat(first.get(10, TimeUnit.SECONDS)).isInstanceOf(Fetched.class);
            assertThat(second.get(10, TimeUnit.SECONDS)).isInstanceOf(Fetched.class);
        }
    }

    @Test
    void waitingForASlotCountsAgainstTheDeadline() throws Exception {
        HostPermits permits = new HostPermits(1);
        URI url = URI.create("http://localhost:" + wm.port() + "/feed");
        FetchProperties props = TestProperties.loopbackAllowed()
                .totalTimeout(Duration.ofMillis(300))
                .build();
        try (FeedFetcher holder = fetcher(permits);
                FeedFetcher impatient = new FeedFetcher(props, AddressPolicy.of(true), permits, Clock.systemUTC())) {
            Future<FetchResult> held = callers.submit(() -> holder.fetch(FetchRequest.of("a", url)));
            await().atMost(Duration.ofSeconds(10)).until(() -> gate.inFlight() == 1);

            FetchResult result = impatient.fetch(FetchRequest.of("b", url));

            Failed failed = FailedAssert.assertFailed(result, "Timeout", url);
            assertThat(failed.message()).contains("no free slot for host localhost");
            gate.open();
            assertThat(held.get(10, TimeUnit.SECONDS)).isInstanceOf(Fetched.class);
        }
        wm.verify(1, getRequestedFor(urlEqualTo("/feed")));
    }

    private static FeedFetcher fetcher(HostPermits permits) {
        return new FeedFetcher(
                TestProperties.loopbackAllowed()
                        .totalTimeout(Duration.ofSeconds(30))
                        .build(),
                AddressPolicy.of(true),
                permits,
                Clock.systemUTC());
    }

    /** Holds each request in the server until opened, tracking how many are held at the same time. */
    static final class GateTransformer implements ResponseDefinitionTransformerV2 {
        private final Semaphore gate = new Semaphore(0);
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger maxInFlight = new AtomicInteger();

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                if (!gate.tryAcquire(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("gate never opened");
                }
                gate.release(); // once open, stays open
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
            return serveEvent.getResponseDefinition();
        }

        void open() {
            gate.release();
        }

        int inFlight() {
            return inFlight.get();
        }

        int maxInFlight() {
            return maxInFlight.get();
        }

        @Override
        public String getName() {
            return "gate";
        }
    }
}
