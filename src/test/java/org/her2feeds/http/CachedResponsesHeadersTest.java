package org.her2feeds.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

/** How the request headers every poll sends are read: which clients get gzip, and which validators match. */
class CachedResponsesHeadersTest {

    private static final Rendered OUTPUT =
            Rendered.of("<rss/>".getBytes(StandardCharsets.UTF_8), "application/rss+xml", Instant.EPOCH);

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "gzip                        | true",
                "GZip                        | true",
                "gzip, deflate, br, zstd     | true",
                "br;q=1.0, gzip;q=0.8        | true",
                "deflate,x-gzip              | true",
                "*                           | true",
                "gzip;                       | true",
                "gzip ; Q = 0.5              | true",
                "gzip;q=0                    | false",
                "gzip;q=0.000                | false",
                "gzip; level=1; q=0          | false",
                "gzip;q=none                 | false",
                "deflate, br                 | false",
                "gzipped, xgzip, identity    | false",
                "''                          | false",
                "' , ,'                      | false"
            })
    void acceptsGzipOnlyWhereTheListAllowsIt(String acceptEncoding, boolean accepted) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/feed.xml");
        request.addHeader("Accept-Encoding", acceptEncoding);
        assertThat(CachedResponses.acceptsGzip(request)).isEqualTo(accepted);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{etag}                      | true",
                "{gzip}                      | true",
                "W/{etag}                    | true",
                "'\"other\", {gzip}'         | true",
                "'\"other\" ,  W/{etag} '    | true",
                "*                           | true",
                "'\"other\"'                 | false",
                "W/                          | false",
                "'{etag}x'                   | false",
                "', ,'                       | false"
            })
    void ifNoneMatchMatchesEitherTagOfTheOutput(String ifNoneMatch, boolean matches) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/feed.xml");
        request.addHeader(
                "If-None-Match", ifNoneMatch.replace("{etag}", OUTPUT.etag()).replace("{gzip}", OUTPUT.gzipEtag()));
        assertThat(CachedResponses.notModified(request, OUTPUT)).isEqualTo(matches);
    }

    @ParameterizedTest
    @CsvSource({"'\"other\"', '\"x\"', false", "'\"other\"', {etag}, true"})
    void everyIfNoneMatchHeaderIsRead(String first, String second, boolean matches) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/feed.xml");
        request.addHeader("If-None-Match", first);
        request.addHeader("If-None-Match", second.replace("{etag}", OUTPUT.etag()));
        assertThat(CachedResponses.notModified(request, OUTPUT)).isEqualTo(matches);
    }
}
