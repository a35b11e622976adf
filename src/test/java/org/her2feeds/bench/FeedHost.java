package org.her2feeds.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * The local host the scale runs fetch every source from ({@code /feeds/<anything>}): one feed under one ETag, and
 * 304 Not Modified to a fetch that sends the ETag back, as a feed that does not change answers a polite client.
 */
final class FeedHost {

    static final String ETAG = "\"v1\"";

    private FeedHost() {}

    /** A host of these options, started and serving this RSS document. */
    static WireMockServer started(WireMockConfiguration options, String feed) {
        WireMockServer host = new WireMockServer(options);
        host.start();
        host.stubFor(get(urlPathMatching("/feeds/.*"))
                .atPriority(1)
                .withHeader("If-None-Match", equalTo(ETAG))
                .willReturn(aResponse().withStatus(304).withHeader("ETag", ETAG)));
        host.stubFor(get(urlPathMatching("/feeds/.*"))
                .atPriority(2)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/rss+xml")
                        .withHeader("ETag", ETAG)
                        .withBody(feed)));
        return host;
    }
}
