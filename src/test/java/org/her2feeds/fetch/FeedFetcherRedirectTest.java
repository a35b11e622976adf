package org.her2feeds.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.her2feeds.fetch.FailedAssert.assertFailed;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.her2feeds.testsupport.StubServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Redirects are followed by hand: permanence, relative targets, loops and the hop limit (5). */
class FeedFetcherRedirectTest {

    @RegisterExtension
    static final StubServer wm = StubServer.perTest();

    private FeedFetcher fetcher;

    @BeforeEach
    void setUp() {
        fetcher = new FeedFetcher(TestProperties.loopbackAllowed().build(), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        fetcher.close();
    }

    private URI url(String path) {
        return URI.create(wm.baseUrl() + path);
    }

    private void redirect(String from, int status, String location) {
        wm.stubFor(get(from).willReturn(aResponse().withStatus(status).withHeader("Location", location)));
    }

    private void feed(String path) {
        wm.stubFor(get(path).willReturn(aResponse().withStatus(200).withBody("<rss/>")));
    }

    @Test
    void chainOfPermanentRedirectsReportsTheNewAddress() {
        redirect("/old", 301, wm.baseUrl() + "/moved");
        redirect("/moved", 308, "/feeds/new"); // relative to the host
        feed("/feeds/new");

        Fetched fetched = (Fetched) fetcher.fetch(FetchRequest.of("s", url("/old")));

        assertThat(new String(fetched.body(), StandardCharsets.UTF_8)).isEqualTo("<rss/>");
        assertThat(fetched.finalUrl()).isEqualTo(url("/feeds/new"));
        assertThat(fetched.permanentRedirect()).isEqualTo(url("/feeds/new"));
    }

    @Test
    void aTemporaryHopMakesTheChainNotPermanent() {
        redirect("/a", 301, "/b");
        redirect("/b", 302, "c"); // relative to /b's directory
        feed("/c");

        Fetched fetched = (Fetched) fetcher.fetch(FetchRequest.of("s", url("/a")));

        assertThat(fetched.finalUrl()).isEqualTo(url("/c"));
        assertThat(fetched.permanentRedirect()).isNull();
    }

    @Test
    void temporaryRedirectsAloneAreNotPermanent() {
        redirect("/t", 307, "/u");
        redirect("/u", 303, "/v");
        feed("/v");

        Fetched fetched = (Fetched) fetcher.fetch(FetchRequest.of("s", url("/t")));

        assertThat(fetched.finalUrl()).isEqualTo(url("/v"));
        assertThat(fetched.permanentRedirect()).isNull();
    }

    @Test
    void relativeLocationWithDotSegmentsIsResolved() {
        redirect("/dir/sub/page", 301, "../other/feed.xml");
        feed("/dir/other/feed.xml");

        Fetched fetched = (Fetched) fetcher.fetch(FetchRequest.of("s", url("/dir/sub/page")));

        assertThat(fetched.finalUrl()).isEqualTo(url("/dir/other/feed.xml"));
    }

    @Test
    void validatorsTravelToTheFinalUrl() {
        redirect("/old", 301, "/new");
        wm.stubFor(get("/new").willReturn(aResponse().withStatus(304)));

        NotModified result = (NotModified) fetcher.fetch(new FetchRequest("s", url("/old"), "\"e\"", null));

        assertThat(result.finalUrl()).isEqualTo(url("/new"));
        assertThat(result.permanentRedirect()).isEqualTo(url("/new"));
        assertThat(result.etag()).isEqualTo("\"e\"");
    }

    @Test
    void loopIsDetected() {
        redirect("/x", 302, "/y");
        redirect("/y", 301, "/x");

        Failed failed = assertFailed(fetcher.fetch(FetchRequest.of("s", url("/x"))), "RedirectLoop", url("/y"));

        assertThat(failed.message()).contains("redirect loop").contains(url("/x") + " -> " + url("/y"));
        assertThat(failed.permanentRedirect()).isNull();
        wm.verify(1, getRequestedFor(urlEqualTo("/x")));
    }

    @Test
    void selfRedirectIsALoop() {
        redirect("/self", 301, "/self");

        assertFailed(fetcher.fetch(FetchRequest.of("s", url("/self"))), "RedirectLoop", url("/self"));
    }

    @Test
    void fiveHopsAreFollowed() {
        for (int i = 0; i < 5; i++) {
            redirect("/h" + i, 301, "/h" + (i + 1));
        }
        feed("/h5");

        Fetched fetched = (Fetched) fetcher.fetch(FetchRequest.of("s", url("/h0")));

        assertThat(fetched.finalUrl()).isEqualTo(url("/h5"));
        assertThat(fetched.permanentRedirect()).isEqualTo(url("/h5"));
    }

    @Test
    void sixHopsAreTooMany() {
        for (int i = 0; i < 6; i++) {
            redirect("/h" + i, 301, "/h" + (i + 1));
        }
        feed("/h6");

        Failed failed = assertFailed(fetcher.fetch(FetchRequest.of("s", url("/h0"))), "TooManyRedirects", url("/h5"));

        assertThat(failed.message())
                .contains("more than 5 redirects")
                .contains(url("/h0").toString());
        assertThat(failed.permanentRedirect()).isNull();
        wm.verify(0, getRequestedFor(urlEqualTo("/h6")));
    }

    @Test
    void redirectWithoutLocationFails() {
        wm.stubFor(get("/nowhere").willReturn(aResponse().withStatus(302)));

        Failed failed =
                assertFailed(fetcher.fetch(FetchRequest.of("s", url("/nowhere"))), "BadRedirect", url("/nowhere"));

        assertThat(failed.status()).isEqualTo(302);
    }

    @Test
    void permanentRedirectToAFailingUrlStillNamesIt() {
        redirect("/old", 301, "/gone");
        wm.stubFor(get("/gone").willReturn(aResponse().withStatus(410)));

        Failed failed = assertFailed(fetcher.fetch(FetchRequest.of("s", url("/old"))), "HttpStatus", url("/gone"));

        assertThat(failed.gone()).isTrue();
        assertThat(failed.permanentRedirect()).isEqualTo(url("/gone"));
    }

    @Test
    void redirectToAFileUrlIsRefused() {
        redirect("/sneaky", 302, "file:///etc/passwd");

        Failed failed = assertFailed(
                fetcher.fetch(FetchRequest.of("s", url("/sneaky"))),
                "UnsupportedScheme",
                URI.create("file:///etc/passwd"));

        assertThat(failed.message()).contains("reached by redirect from " + url("/sneaky"));
    }
}
