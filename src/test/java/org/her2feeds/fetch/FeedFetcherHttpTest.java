package org.her2feeds.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.her2feeds.fetch.FailedAssert.assertFailed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.her2feeds.testsupport.StubServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Ordinary HTTP answers: bodies, compression, validators, statuses and Retry-After. */
class FeedFetcherHttpTest {

    private static final String RSS = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>HER2</title>"
            + "<item><title>Trastuzumab deruxtecan in HER2-low breast cancer</title></item></channel></rss>";
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @RegisterExtension
    static final StubServer wm = StubServer.perTest();

    private FeedFetcher fetcher;

    @BeforeEach
    void setUp() {
        FetchProperties props = TestProperties.loopbackAllowed().build();
        fetcher = new FeedFetcher(props, AddressPolicy.of(true), new HostPermits(2), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        fetcher.close();
    }

    private URI url(String path) {
        return URI.create(wm.baseUrl() + path);
    }

    @Test
    void okReturnsBodyWithValidatorsAndSendsIdentifyingHeaders() {
        wm.stubFor(get("/feed")
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/rss+xml; charset=ISO-8859-1")
                        .withHeader("ETag", "\"v1\"")
                        .withHeader("Last-Modified", "Tue, 05 Mar 2024 10:15:30 GMT")
                        .withHeader("Cache-Control", "public, max-age=300")
                        .withBody(RSS)));

        FetchResult result = fetcher.fetch(FetchRequest.of("src-1", url("/feed")));

        assertThat(result).isInstanceOf(Fetched.class);
        Fetched fetched = (Fetched) result;
        assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo(RSS);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.finalUrl()).isEqualTo(url("/feed"));
        assertThat(fetched.contentType()).isEqualTo("application/rss+xml; charset=ISO-8859-1");
        assertThat(fetched.etag()).isEqualTo("\"v1\"");
        assertThat(fetched.lastModified()).isEqualTo("Tue, 05 Mar 2024 10:15:30 GMT");
        assertThat(fetched.maxAge()).isEqualTo(Duration.ofSeconds(300));
        assertThat(fetched.permanentRedirect()).isNull();
        assertThat(fetched.elapsed()).isPositive();
        wm.verify(getRequestedFor(urlEqualTo("/feed"))
                .withHeader("User-Agent", equalTo("HER2Feeds-test/1.0"))
                .withHeader("Accept", equalTo(FeedFetcher.ACCEPT))
                .withHeader("Accept-Encoding", equalTo("gzip, deflate"))
                .withHeader("If-None-Match", absent())
                .withHeader("If-Modified-Since", absent()));
    }

    /** Credentials written into a source URL reach the server as Basic authentication, as curl sends them. */
    @Test
    void credentialsInTheUrlAreSentAsBasicAuthentication() {
        wm.stubFor(get("/private").willReturn(aResponse().withBody(RSS)));
        URI url = URI.create("http://reader:s3cret@localhost:" + wm.port() + "/private");

        FetchResult result = fetcher.fetch(FetchRequest.of("s", url));

        assertThat(result).isInstanceOf(Fetched.class);
        wm.verify(getRequestedFor(urlEqualTo("/private"))
                .withHeader("Authorization", equalTo("Basic cmVhZGVyOnMzY3JldA==")));
    }

    @Test
    void gzipBodyIsDecompressed() throws IOException {
        wm.stubFor(get("/gz")
                .willReturn(aResponse()
                        .withHeader("Content-Encoding", "gzip")
                        .withBody(gzip(RSS.getBytes(StandardCharsets.UTF_8)))));

        Fetched fetched = (Fetched) fetcher.fetch(FetchRequest.of("s", url("/gz")));

        assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo(RSS);
    }

    @Test
    void zlibAndRawDeflateBodiesAreDecompressed() {
        byte[] rss = RSS.getBytes(StandardCharsets.UTF_8);
        wm.stubFor(get("/zlib")
                .willReturn(
                        aResponse().withHeader("Content-Encoding", "deflate").withBody(deflate(rss, false))));
        wm.stubFor(get("/raw")
                .willReturn(
                        aResponse().withHeader("Content-Encoding", "deflate").withBody(deflate(rss, true))));

        assertThat(((Fetched) fetcher.fetch(FetchRequest.of("s", url("/zlib")))).body())
                .isEqualTo(rss);
        assertThat(((Fetched) fetcher.fetch(FetchRequest.of("s", url("/raw")))).body())
                .isEqualTo(rss);
    }

    @Test
    void unknownContentEncodingFailsClearly() {
        wm.stubFor(get("/br")
                .willReturn(aResponse().withHeader("Content-Encoding", "br").withBody("xx")));

        Failed failed = assertFailed(fetcher.fetch(FetchRequest.of("s", url("/br"))), "ContentEncoding", url("/br"));

        assertThat(failed.message()).contains("'br'");
    }

    @Test
    void emptyBodyIsFetchedAsEmpty() {
        wm.stubFor(get("/empty").willReturn(aResponse().withStatus(200)));
        wm.stubFor(get("/empty-gz").willReturn(aResponse().withStatus(200).withHeader("Content-Encoding", "gzip")));

        assertThat(((Fetched) fetcher.fetch(FetchRequest.of("s", url("/empty")))).body())
                .isEmpty();
        assertThat(((Fetched) fetcher.fetch(FetchRequest.of("s", url("/empty-gz")))).body())
                .isEmpty();
    }

    @Test
    void validatorsAreSentAndNotModifiedIsReported() {
        String lastModified = "Tue, 05 Mar 2024 10:15:30 GMT";
        wm.stubFor(get("/feed")
                .withHeader("If-None-Match", equalTo("\"v1\""))
                .willReturn(aResponse()
                        .withStatus(304)
                        .withHeader("ETag", "\"v1\"")
                        .withHeader("Cache-Control", "max-age=60")));

        FetchResult result = fetcher.fetch(new FetchRequest("s", url("/feed"), "\"v1\"", lastModified));

        assertThat(result).isInstanceOf(NotModified.class);
        NotModified notModified = (NotModified) result;
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.etag()).isEqualTo("\"v1\"");
        // The 304 carried no Last-Modified: the caller keeps the one it had.
        assertThat(notModified.lastModified()).isEqualTo(lastModified);
        assertThat(notModified.maxAge()).isEqualTo(Duration.ofSeconds(60));
        wm.verify(getRequestedFor(urlEqualTo("/feed"))
                .withHeader("If-None-Match", equalTo("\"v1\""))
                .withHeader("If-Modified-Since", equalTo(lastModified)));
    }

    @Test
    void notFoundIsAnHttpStatusFailure() {
        wm.stubFor(get("/missing").willReturn(aResponse().withStatus(404).withBody("<html>not here</html>")));

        Failed failed =
                assertFailed(fetcher.fetch(FetchRequest.of("s", url("/missing"))), "HttpStatus", url("/missing"));

        assertThat(failed.status()).isEqualTo(404);
        assertThat(failed.message()).contains("404");
        assertThat(failed.gone()).isFalse();
        assertThat(failed.retryAfter()).isNull();
    }

    @Test
    void serverErrorWithoutRetryAfterHasNoRetryAfter() {
        wm.stubFor(get("/boom").willReturn(aResponse().withStatus(500)));

        Failed failed = assertFailed(fetcher.fetch(FetchRequest.of("s", url("/boom"))), "HttpStatus", url("/boom"));

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.retryAfter()).isNull();
    }

    @Test
    void goneIsMarked() {
        wm.stubFor(get("/old").willReturn(aResponse().withStatus(410)));

        Failed failed = assertFailed(fetcher.fetch(FetchRequest.of("s", url("/old"))), "HttpStatus", url("/old"));

        assertThat(failed.status()).isEqualTo(410);
        assertThat(failed.gone()).isTrue();
    }

    @Test
    void tooManyRequestsCarriesRetryAfterSeconds() {
        wm.stubFor(get("/busy").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

        Failed failed = assertFailed(fetcher.fetch(FetchRequest.of("s", url("/busy"))), "HttpStatus", url("/busy"));

        assertThat(failed.status()).isEqualTo(429);
        assertThat(failed.retryAfter()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void unavailableCarriesRetryAfterHttpDate() {
        // The fetcher's clock stands at NOW, so the date is exactly ten minutes ahead.
        wm.stubFor(get("/maint")
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "Tue, 01 Jan 2030 00:10:00 GMT")));

        Failed failed = assertFailed(fetcher.fetch(FetchRequest.of("s", url("/maint"))), "HttpStatus", url("/maint"));

        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.retryAfter()).isEqualTo(Duration.ofMinutes(10));
        assertThat(failed.gone()).isFalse();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data, boolean raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out, new Deflater(6, raw))) {
            deflater.write(data);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
