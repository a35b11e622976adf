package org.her2feeds.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.her2feeds.fetch.FailedAssert.assertFailed;

import com.github.tomakehurst.wiremock.http.Fault;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.her2feeds.testsupport.StubServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.util.unit.DataSize;

/** What the real web throws at a poller: slow servers, huge or endless bodies, resets and closed ports. */
class FeedFetcherLimitsTest {

    private static final DataSize CAP = DataSize.ofKilobytes(64);

    @RegisterExtension
    static final StubServer wm = StubServer.perTestWithHttps();

    private static FetchResult fetch(TestProperties props, URI url) {
        try (FeedFetcher fetcher = new FeedFetcher(props.build(), Clock.systemUTC())) {
            return fetcher.fetch(FetchRequest.of("s", url));
        }
    }

    @Test
    void tricklingBodyIsCutAtTheTotalDeadline() {
        // Headers come at once, then 10 bytes a second for 20 seconds: only the total deadline can stop it.
        Duration dribble = Duration.ofSeconds(20);
        wm.stubFor(get("/slow")
                .willReturn(
                        aResponse().withStatus(200).withBody("x".repeat(200)).withChunkedDribbleDelay(200, (int)
                                dribble.toMillis())));

        Failed failed = assertFailed(
                fetch(TestProperties.loopbackAllowed().totalTimeout(Duration.ofMillis(700)), wm.uri("/slow")),
                "Timeout",
                wm.uri("/slow"));

        assertThat(failed.status()).isEqualTo(200);
        // Ended by the deadline, not by the server finishing: a Timeout after the 200's headers, naming the body.
        assertThat(failed.message()).contains("body not complete within the total timeout of 700 ms");
    }

    @Test
    void headersLaterThanTheDeadlineTimeOut() {
        wm.stubFor(get("/late")
                .willReturn(aResponse().withStatus(200).withBody("<rss/>").withFixedDelay(5_000)));

        Failed failed = assertFailed(
                fetch(TestProperties.loopbackAllowed().totalTimeout(Duration.ofMillis(500)), wm.uri("/late")),
                "Timeout",
                wm.uri("/late"));

        assertThat(failed.status()).isNull();
        // A Timeout before any status: the headers, which the server holds for 5 s, never came.
        assertThat(failed.message()).contains("no response within the total timeout of 500 ms");
    }

    @Test
    void gzipBombStopsAtTheCapAfterDecompression() throws IOException {
        byte[] bomb = FeedFetcherHttpTest.gzip(new byte[16 * 1024 * 1024]);
        assertThat((long) bomb.length)
                .as("compressed bomb fits under the raw cap")
                .isLessThan(CAP.toBytes());
        wm.stubFor(get("/bomb")
                .willReturn(aResponse().withHeader("Content-Encoding", "gzip").withBody(bomb)));

        Failed failed = assertFailed(
                fetch(TestProperties.loopbackAllowed().maxBodySize(CAP), wm.uri("/bomb")),
                "BodyTooLarge",
                wm.uri("/bomb"));

        assertThat(failed.message()).contains("decompressed body larger than the limit of 65536 bytes");
    }

    @Test
    void compressedBodyLargerThanTheCapOnTheWireIsRefused() throws IOException {
        byte[] noise = new byte[200 * 1024];
        new Random(42).nextBytes(noise); // incompressible: the gzip is bigger than the cap itself
        wm.stubFor(get("/noise")
                .willReturn(
                        aResponse().withHeader("Content-Encoding", "gzip").withBody(FeedFetcherHttpTest.gzip(noise))));

        Failed failed = assertFailed(
                fetch(TestProperties.loopbackAllowed().maxBodySize(CAP), wm.uri("/noise")),
                "BodyTooLarge",
                wm.uri("/noise"));

        assertThat(failed.message()).contains(": body larger than the limit of 65536 bytes");
    }

    @Test
    void declaredOversizedBodyIsRefusedUpFront() {
        wm.stubFor(get("/big")
                .willReturn(aResponse().withHeader("Content-Length", "102400").withBody(filler(100 * 1024))));

        Failed failed = assertFailed(
                fetch(TestProperties.loopbackAllowed().maxBodySize(CAP), wm.uri("/big")),
                "BodyTooLarge",
                wm.uri("/big"));

        assertThat(failed.message()).contains("Content-Length 102400 is larger than the limit of 65536 bytes");
    }

    @Test
    void undeclaredOversizedBodyIsCutWhileStreaming() {
        // Chunked, so no Content-Length warns us: the streaming cap has to catch it.
        wm.stubFor(get("/stream").willReturn(aResponse().withBody(filler(100 * 1024))));

        Failed failed = assertFailed(
                fetch(TestProperties.loopbackAllowed().maxBodySize(CAP), wm.uri("/stream")),
                "BodyTooLarge",
                wm.uri("/stream"));

        assertThat(failed.message()).contains(": body larger than the limit of 65536 bytes");
    }

    @Test
    void bodyExactlyAtTheCapIsAccepted() {
        wm.stubFor(get("/exact").willReturn(aResponse().withBody(filler((int) CAP.toBytes()))));

        FetchResult result = fetch(TestProperties.loopbackAllowed().maxBodySize(CAP), wm.uri("/exact"));

        assertThat(result).isInstanceOf(Fetched.class);
        assertThat(((Fetched) result).body()).hasSize((int) CAP.toBytes());
    }

    @Test
    void connectionResetIsAnIoFailure() {
        wm.stubFor(get("/reset").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        Failed failed = assertFailed(fetch(TestProperties.loopbackAllowed(), wm.uri("/reset")), "Io", wm.uri("/reset"));

        assertThat(failed.status()).isNull();
    }

    @Test
    void garbageResponseIsAnIoFailure() {
        wm.stubFor(get("/junk").willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

        assertFailed(fetch(TestProperties.loopbackAllowed(), wm.uri("/junk")), "Io", wm.uri("/junk"));
    }

    @Test
    void closedPortIsAConnectError() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + port + "/feed");

        Failed failed = assertFailed(fetch(TestProperties.loopbackAllowed(), url), "ConnectError", url);

        assertThat(failed.status()).isNull();
    }

    @Test
    void untrustedCertificateIsATlsFailure() {
        wm.stubFor(get("/tls").willReturn(aResponse().withBody("<rss/>")));
        URI url = URI.create("https://localhost:" + wm.httpsPort() + "/tls");

        Failed failed = assertFailed(fetch(TestProperties.loopbackAllowed(), url), "Tls", url);

        assertThat(failed.status()).isNull();
    }

    private static String filler(int size) {
        char[] chars = new char[size];
        Arrays.fill(chars, 'a');
        return new String(chars);
    }
}
