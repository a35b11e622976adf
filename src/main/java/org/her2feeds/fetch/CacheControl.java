package org.her2feeds.fetch;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The one Cache-Control directive a feed poller cares about: how long the response stays fresh. */
final class CacheControl {

    private static final String MAX_AGE = "max-age=";

    private CacheControl() {}

    /** max-age from all Cache-Control header values, or null when absent or unreadable. */
    static Duration maxAge(List<String> headerValues) {
        for (String value : headerValues) {
            for (String directive : value.split(",")) {
                String d = directive.strip().toLowerCase(Locale.ROOT);
                if (d.startsWith(MAX_AGE)) {
                    String seconds =
                            d.substring(MAX_AGE.length()).replace("\"", "").strip();
                    try {
                        long parsed = Long.parseLong(seconds);
                        return parsed < 0 ? null : Duration.ofSeconds(parsed);
                    } catch (NumberFormatException e) {
                        return null;
                    }
                }
            }
        }
        return null;
    }
}
