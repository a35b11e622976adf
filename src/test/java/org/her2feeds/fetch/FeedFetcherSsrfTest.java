package org.her2feeds.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.her2feeds.fetch.FailedAssert.assertFailed;

import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.her2feeds.testsupport.StubServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.util.unit.DataSize;

/**
 * With allowPrivateAddresses=false nothing internal is contacted, neither directly nor through a redirect.
 * Every refused URL here is refused before a connection is attempted, which WireMock's empty log confirms.
 */
class FeedFetcherSsrfTest {

    @RegisterExtension
    static final StubServer wm = StubServer.perTest();

    @BeforeEach
    void reset() {
        wm.stubFor(get(anyUrl()).willReturn(aResponse().withStatus(200).withBody("secret")));
    }

    @Test
    void loopbackUrlsAreRefusedWithoutContact() {
        FetchProperties strict =
                TestProperties.loopbackAllowed().privateAddressesRefused().build();
        try (FeedFetcher fetcher = new FeedFetcher(strict, Clock.systemUTC())) {
            for (String base :
                    new String[] {"http://127.0.0.1:", "http://localhost:", "http://[::1]:", "http://0.0.0.0:"}) {
                URI url = URI.create(base + wm.port() + "/feed");

                Failed failed = assertFailed(fetcher.fetch(FetchRequest.of("s", url)), "ForbiddenAddress", url);

                assertThat(failed.status()).isNull();
            }
        }
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void redirectFromAnAllowedHostToLoopbackIsRefused() {
        wm.stubFor(get("/public")
                .willReturn(aResponse()
                        .withStatus(302)
                        .withHeader("Location", "http://127.0.0.1:" + wm.port() + "/internal")));
        URI start = URI.create("http://localhost:" + wm.port() + "/public");

        FetchResult result;
        try (FeedFetcher fetcher = strictFetcherTrustingOnly("localhost", wm.port())) {
            result = fetcher.fetch(FetchRequest.of("s", start));
        }

        URI internal = URI.create("http://127.0.0.1:" + wm.port() + "/internal");
        Failed failed = assertFailed(result, "ForbiddenAddress", internal);
        assertThat(failed.message()).contains("127.0.0.1");
        wm.verify(1, getRequestedFor(urlEqualTo("/public")));
        // Same server, same port: had the hop been allowed it would have been served.
        wm.verify(0, getRequestedFor(urlEqualTo("/internal")));
    }

    @Test
    void redirectToTheCloudMetadataServiceIsRefused() {
        URI metadata = URI.create("http://169.254.169.254/latest/meta-data/iam/security-credentials/");
        wm.stubFor(get("/feed").willReturn(aResponse().withStatus(301).withHeader("Location", metadata.toString())));
        URI start = URI.create("http://localhost:" + wm.port() + "/feed");

        FetchResult result;
        try (FeedFetcher fetcher = strictFetcherTrustingOnly("localhost", wm.port())) {
            result = fetcher.fetch(FetchRequest.of("s", start));
        }

        Failed failed = assertFailed(result, "ForbiddenAddress", metadata);
        assertThat(failed.message()).contains("169.254.169.254");
        assertThat(failed.permanentRedirect()).isNull();
    }

    @Test
    void productionDefaultsRefusePrivateAddresses() {
        FetchProperties defaults = new FetchProperties(
                Duration.ofSeconds(10), Duration.ofSeconds(60), DataSize.ofMegabytes(10), "ua", 2, false, 5);
        URI url = URI.create("http://127.0.0.1:" + wm.port() + "/feed");

        try (FeedFetcher fetcher = new FeedFetcher(defaults, Clock.systemUTC())) {
            assertFailed(fetcher.fetch(FetchRequest.of("s", url)), "ForbiddenAddress", url);
        }
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void otherSchemesAreRefused() {
        URI ftp = URI.create("ftp://localhost:" + wm.port() + "/feed.xml");

        try (FeedFetcher fetcher =
                new FeedFetcher(TestProperties.loopbackAllowed().build(), Clock.systemUTC())) {
            assertFailed(fetcher.fetch(FetchRequest.of("s", ftp)), "UnsupportedScheme", ftp);
        }
    }

    /**
     * DNS rebinding: a name that first answers with a public address, then with loopback. The check and the
     * connection share one lookup, so the request goes to the address that passed (here an unreachable public
     * one) and never to the loopback answer a second lookup would have given.
     */
    @Test
    void theConnectionGoesToTheAddressThatWasChecked() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        InetAddress publicAddress = InetAddress.getByName("192.0.2.1");
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        AddressPolicy rebinding = AddressPolicy.strictResolvingWith(
                host -> new InetAddress[] {lookups.getAndIncrement() == 0 ? publicAddress : loopback});
        FetchProperties props = TestProperties.loopbackAllowed()
                .privateAddressesRefused()
                .totalTimeout(Duration.ofSeconds(3))
                .build();
        URI url = URI.create("http://rebind.example:" + wm.port() + "/feed");

        FetchResult result;
        try (FeedFetcher fetcher = new FeedFetcher(props, rebinding, new HostPermits(2), Clock.systemUTC())) {
            result = fetcher.fetch(FetchRequest.of("s", url));
        }

        assertThat(result).isInstanceOf(Failed.class);
        assertThat(((Failed) result).errorClass()).isIn("ConnectError", "Timeout");
        assertThat(lookups).hasValue(1);
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    /** A name whose every answer is internal is refused at resolution, before any connection. */
    @Test
    void aNameResolvingToAnInternalAddressIsRefusedAtResolution() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        AddressPolicy internal = AddressPolicy.strictResolvingWith(host -> new InetAddress[] {loopback});
        URI url = URI.create("http://internal.example:" + wm.port() + "/feed");

        FetchResult result;
        try (FeedFetcher fetcher = new FeedFetcher(
                TestProperties.loopbackAllowed().privateAddressesRefused().build(),
                internal,
                new HostPermits(2),
                Clock.systemUTC())) {
            result = fetcher.fetch(FetchRequest.of("s", url));
        }

        assertThat(assertFailed(result, "ForbiddenAddress", url).message()).contains("127.0.0.1");
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    private static FeedFetcher strictFetcherTrustingOnly(String host, int port) {
        FetchProperties props =
                TestProperties.loopbackAllowed().privateAddressesRefused().build();
        return new FeedFetcher(props, AddressPolicy.strictExceptFor(host, port), new HostPermits(2), Clock.systemUTC());
    }
}
