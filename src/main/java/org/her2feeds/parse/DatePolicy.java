package org.her2feeds.parse;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Decides an item's date from the raw strings and Rome's reading of them. A strict reading of the raw text
 * wins; Rome's lenient value is used only when the text has a shape this parser does not know. Dates before
 * 1990 are publisher mistakes (epoch zero, typed years) and count as absent.
 *
 * <p>A date in the future is passed on as the feed states it: whether it is used is decided once, by the store,
 * against the moment the service first sees the article (store/Filing).
 */
final class DatePolicy {

    private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");

    Instant decide(List<String> rawTexts, Date romeValue) {
        for (String raw : rawTexts) {
            DateText.Reading reading = DateText.read(raw);
            switch (reading.verdict()) {
                case PARSED:
                    return sane(reading.instant());
                case INVALID:
                    return null;
                default:
                    break;
            }
        }
        return romeValue == null ? null : sane(romeValue.toInstant());
    }

    private static Instant sane(Instant instant) {
        return instant.isBefore(EARLIEST) ? null : instant;
    }
}
