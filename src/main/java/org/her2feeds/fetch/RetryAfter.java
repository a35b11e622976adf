package org.her2feeds.fetch;

import java.time.Clock;
import java.time.Duration;

/** Retry-After in either of its forms: delta-seconds or an HTTP date. */
final class RetryAfter {

    private RetryAfter() {}

    /** The wait asked for, zero for a date in the past, null when absent or unreadable. */
    static Duration parse(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(trimmed));
            } catch (NumberFormatException tooLong) {
                return null;
            }
        }
        return HttpDates.parse(trimmed)
                .map(date -> Duration.between(clock.instant(), date))
                .map(wait -> wait.isNegative() ? Duration.ZERO : wait)
                .orElse(null);
    }
}
