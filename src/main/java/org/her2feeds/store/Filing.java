package org.her2feeds.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Where an article stands in the archive's order and which digest day it is filed under.
 *
 * <p>The one rule for publication dates in the future, decided here and nowhere else: a date later than the
 * moment the service stores the copy that carries it is not used (null), and the article is filed by the time the
 * service first saw it (for a new article, that same moment: the README's "in the future, by the time the service
 * first saw the article"). The parser only refuses what cannot be a date at all (unreadable, before 1990); the
 * future can only be judged where the moment of sight is known. A date in the future by a mere time-zone slip is
 * filed by first sight too: it costs the article a few hours of order, never days at the top of every feed.
 *
 * @param publishedAt the usable publication date; null when missing or in the future
 * @param sortAt      the publication date, or first sight without a usable one
 * @param digestDay   the calendar day of {@code sortAt} in the digest zone
 */
record Filing(Instant publishedAt, Instant sortAt, LocalDate digestDay) {

    /**
     * @param publishedAt the date the feed gave (may be null)
     * @param firstSeenAt when the service first saw the article
     * @param storedAt    when this copy is stored (the moment a future date is judged against)
     */
    static Filing of(Instant publishedAt, Instant firstSeenAt, Instant storedAt, ZoneId zone) {
        Instant usable = publishedAt == null || publishedAt.isAfter(storedAt) ? null : publishedAt;
        Instant sortAt = usable != null ? usable : firstSeenAt;
        return new Filing(usable, sortAt, digestDay(sortAt, zone));
    }

    /** The digest day of a filing time: its calendar date in the digest zone. */
    static LocalDate digestDay(Instant sortAt, ZoneId zone) {
        return LocalDate.ofInstant(sortAt, zone);
    }
}
