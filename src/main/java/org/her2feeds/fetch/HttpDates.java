package org.her2feeds.fetch;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.springframework.http.HttpHeaders;

/**
 * HTTP dates, through Spring's {@link HttpHeaders}, which writes IMF-fixdate and also reads the obsolete
 * RFC 850 and asctime forms that old servers still send.
 */
final class HttpDates {

    private static final String SCRATCH = "Date";

    private HttpDates() {
    }

    static String format(Instant instant) {
        HttpHeaders headers = new HttpHeaders();
        headers.setDate(SCRATCH, instant.toEpochMilli());
        return headers.getFirst(SCRATCH);
    }

    static Optional<Instant> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        HttpHeaders headers = new HttpHeaders();
        headers.set(SCRATCH, value.strip());
        try {
            ZonedDateTime parsed = headers.getFirstZonedDateTime(SCRATCH);
            return Optional.ofNullable(parsed).map(ZonedDateTime::toInstant);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
