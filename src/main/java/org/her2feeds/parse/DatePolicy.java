package org.her2feeds.parse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Decides an item's date from the raw strings and Rome's reading of them. A strict reading of the raw text
 * wins; Rome's lenient value is used only when the text has a shape this parser does not know. Dates before
 * 1990 or more than two days ahead are publisher mistakes (epoch zero, typed years) and count as absent.
 */
final class DatePolicy {

    private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
    private static final Duration FUTURE_SLACK = Duration.ofDays(2);

    private final Clock clock;

    DatePolicy(Clock clock) {
        this.clock = clock;
    }

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

    private Instant sane(Instant instant) {
        boolean tooEarly = instant.isBefore(EARLIEST);
        boolean tooLate = instant.isAfter(clock.instant().plus(FUTURE_SLACK));
        return tooEarly || tooLate ? null : instant;
    }
}
