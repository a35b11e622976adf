package org.her2feeds.fetch;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP dates (RFC 9110 section 5.6.7): written as IMF-fixdate; read in all three forms, since old servers still
 * send the obsolete RFC 850 and asctime ones. Spring's parser only knows RFC 850 with an abbreviated weekday.
 */
final class HttpDates {

    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder()
            .appendPattern("EEEE, dd-MMM-")
            // Two-digit years: read as 1970-2069, which covers every date a live server will send.
            .appendValueReduced(ChronoField.YEAR, 2, 2, LocalDate.of(1970, 1, 1))
            .appendPattern(" HH:mm:ss 'GMT'")
            .toFormatter(Locale.US)
            .withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US).withZone(ZoneOffset.UTC);

    private static final List<DateTimeFormatter> READERS =
            List.of(DateTimeFormatter.RFC_1123_DATE_TIME, RFC_850, ASCTIME);

    private HttpDates() {}

    static String format(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }

    static Optional<Instant> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        for (DateTimeFormatter reader : READERS) {
            try {
                return Optional.of(Instant.from(reader.parse(value.strip())));
            } catch (DateTimeException notThisForm) {
                // try the next form
            }
        }
        return Optional.empty();
    }
}
