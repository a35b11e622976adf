package org.her2feeds.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Retry-After, Cache-Control and HTTP dates as real servers write them. */
class ResponseHeaderParsingTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0                              | 0",
                "120                            | 120",
                "' 30 '                         | 30",
                "Tue, 01 Jan 2030 00:02:00 GMT  | 120",
                "Tuesday, 01-Jan-30 00:02:00 GMT | 120",
                "Tue Jan  1 00:02:00 2030       | 120",
                "Mon, 31 Dec 2029 23:00:00 GMT  | 0"
            })
    void retryAfterInEveryForm(String header, long seconds) {
        assertThat(RetryAfter.parse(header, CLOCK)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "-5", "1.5", "99999999999999999999999"})
    void unreadableRetryAfterIsIgnored(String header) {
        assertThat(RetryAfter.parse(header, CLOCK)).isNull();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "max-age=300                  | 300",
                "public, max-age=600          | 600",
                "no-cache, MAX-AGE=0          | 0",
                "s-maxage=100, max-age=\"60\" | 60"
            })
    void cacheControlMaxAge(String header, long seconds) {
        assertThat(CacheControl.maxAge(List.of(header))).isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-store", "s-maxage=100", "max-age=forever", "max-age=-1"})
    void cacheControlWithoutUsableMaxAge(String header) {
        assertThat(CacheControl.maxAge(List.of(header))).isNull();
    }

    @Test
    void maxAgeIsFoundInALaterHeaderLine() {
        assertThat(CacheControl.maxAge(List.of("public", "max-age=90"))).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void httpDatesAreWrittenAsImfFixdate() {
        assertThat(HttpDates.format(Instant.parse("2024-03-05T10:15:30Z"))).isEqualTo("Tue, 05 Mar 2024 10:15:30 GMT");
        assertThat(HttpDates.parse("Tue, 05 Mar 2024 10:15:30 GMT")).contains(Instant.parse("2024-03-05T10:15:30Z"));
        assertThat(HttpDates.parse("Tue, 5 Mar 2024 10:15:30 GMT")).contains(Instant.parse("2024-03-05T10:15:30Z"));
        assertThat(HttpDates.parse("yesterday")).isEmpty();
        assertThat(HttpDates.parse("Tue, 05 Mar 2024")).isEmpty();
    }

    @Test
    void failureMessagesAreKeptToOneLine() {
        Failed failed = new Failed(
                URI.create("http://example.org/feed"),
                null,
                "Io",
                "http://example.org/feed: broken\r\n  at somewhere\n",
                null,
                false,
                null,
                Duration.ZERO);

        assertThat(failed.message()).isEqualTo("http://example.org/feed: broken at somewhere");
    }
}
