package org.her2feeds.parse;

import java.util.Locale;
import java.util.Map;
import org.jdom2.Element;
import org.jdom2.Namespace;

/** How often the publisher asks to be polled: RSS {@code <ttl>}, else the syndication module's period. */
final class PublisherTtl {

    private static final Namespace SY = Namespace.getNamespace("http://purl.org/rss/1.0/modules/syndication/");
    private static final Map<String, Integer> PERIOD_MINUTES =
            Map.of("hourly", 60, "daily", 1_440, "weekly", 10_080, "monthly", 43_200, "yearly", 525_600);

    private PublisherTtl() {}

    /** @param channel the RSS channel or the Atom feed element; null gives null */
    static Integer minutes(Element channel) {
        if (channel == null) {
            return null;
        }
        Integer ttl = positiveInt(channel.getChildTextTrim("ttl", channel.getNamespace()));
        if (ttl != null) {
            return ttl;
        }
        String period = channel.getChildTextTrim("updatePeriod", SY);
        Integer periodMinutes = period == null ? null : PERIOD_MINUTES.get(period.toLowerCase(Locale.ROOT));
        if (periodMinutes == null) {
            return null;
        }
        Integer frequency = positiveInt(channel.getChildTextTrim("updateFrequency", SY));
        return Math.max(1, periodMinutes / (frequency == null ? 1 : frequency));
    }

    private static Integer positiveInt(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            int value = Integer.parseInt(text);
            return value > 0 ? value : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
