package org.her2feeds.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.her2feeds.store.DigestZoneProperties;
import org.springframework.stereotype.Component;

/** Shows times in the digest's time zone, the calendar the page's days follow. */
@Component
class PageTimes {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);

    private final ZoneId zone;

    PageTimes(DigestZoneProperties digest) {
        this.zone = digest.zone();
    }

    ZoneId zone() {
        return zone;
    }

    HomePage.Time time(Instant instant) {
        if (instant == null) {
            return null;
        }
        var local = instant.atZone(zone);
        return new HomePage.Time(local.toOffsetDateTime().toString(), local.format(MOMENT) + " " + zone.getId());
    }

    HomePage.Day day(LocalDate date) {
        return date == null ? null : new HomePage.Day(date.toString(), date.format(DAY));
    }

    String shortDay(LocalDate date) {
        return date.format(SHORT_DAY);
    }
}
