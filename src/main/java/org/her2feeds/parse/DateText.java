package org.her2feeds.parse;

import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date strings found in feeds, strictly: RFC 822/1123 (with or without day name, time, seconds or
 * zone, two- or four-digit year, named US zones) and ISO 8601 / W3C-DTF (date only, space instead of 'T',
 * fractions, any offset style). A date without zone is taken as UTC. Unlike Rome's lenient parser, a string
 * with the right shape but impossible values ("2024-13-45") is reported as {@link Verdict#INVALID}, not rolled
 * over into another date.
 */
final class DateText {

    enum Verdict {
        PARSED,
        INVALID,
        UNRECOGNISED
    }

    record Reading(Verdict verdict, Instant instant) {
        static final Reading INVALID = new Reading(Verdict.INVALID, null);
        static final Reading UNRECOGNISED = new Reading(Verdict.UNRECOGNISED, null);
    }

    private static final Pattern DAY_NAME = Pattern.compile("^(?i)(mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s*");
    private static final Pattern ISO_SPACE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})\\s+(\\d)");
    private static final Pattern TRAILING_ZONE = Pattern.compile("\\s*\\(?([A-Za-z]{1,5})\\)?$");
    private static final Pattern COLON_OFFSET = Pattern.compile("([+-]\\d{2}):(\\d{2})$");
    private static final Map<String, String> NAMED_ZONES = Map.ofEntries(
            Map.entry("UT", "+0000"),
            Map.entry("UTC", "+0000"),
            Map.entry("GMT", "+0000"),
            Map.entry("Z", "+0000"),
            Map.entry("EST", "-0500"),
            Map.entry("EDT", "-0400"),
            Map.entry("CST", "-0600"),
            Map.entry("CDT", "-0500"),
            Map.entry("MST", "-0700"),
            Map.entry("MDT", "-0600"),
            Map.entry("PST", "-0800"),
            Map.entry("PDT", "-0700"),
            Map.entry("BST", "+0100"),
            Map.entry("CET", "+0100"),
            Map.entry("CEST", "+0200"),
            Map.entry("JST", "+0900"));

    private static final DateTimeFormatter RFC_822 = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendPattern("d[ ][-]")
            .optionalStart()
            .appendPattern("MMMM")
            .optionalEnd()
            .optionalStart()
            .appendPattern("MMM")
            .optionalEnd()
            .appendPattern("[ ][-]")
            .optionalStart()
            .appendPattern("uuuu")
            .optionalEnd()
            .optionalStart()
            .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
            .optionalEnd()
            .optionalStart()
            .appendPattern("[ ]['T']H:mm[:ss]")
            .optionalEnd()
            .optionalStart()
            .appendPattern("[ ]xx")
            .optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
            .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
            .toFormatter(Locale.ENGLISH)
            .withResolverStyle(ResolverStyle.STRICT);

    private static final DateTimeFormatter ISO_8601 = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .appendValue(ChronoField.YEAR, 4)
            .optionalStart()
            .appendLiteral('-')
            .appendValue(ChronoField.MONTH_OF_YEAR, 2)
            .optionalStart()
            .appendLiteral('-')
            .appendValue(ChronoField.DAY_OF_MONTH, 2)
            .optionalStart()
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart()
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .optionalEnd()
            .optionalStart()
            .appendPattern("XXX")
            .optionalEnd()
            .optionalStart()
            .appendPattern("XX")
            .optionalEnd()
            .optionalStart()
            .appendPattern("X")
            .optionalEnd()
            .optionalEnd()
            .optionalEnd()
            .optionalEnd()
            .parseDefaulting(ChronoField.MONTH_OF_YEAR, 1)
            .parseDefaulting(ChronoField.DAY_OF_MONTH, 1)
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
            .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
            .toFormatter(Locale.ENGLISH)
            .withResolverStyle(ResolverStyle.STRICT);

    // Compiled once: String.replaceAll/replaceFirst compile their pattern at every call, once per date read.
    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+");
    private static final Pattern SPACE_BEFORE_OFFSET = Pattern.compile("\\s+(?=[+-]\\d{2}:?\\d{2}$|Z$)");

    private DateText() {}

    static Reading read(String raw) {
        if (raw == null || raw.isBlank()) {
            return Reading.UNRECOGNISED;
        }
        String text = WHITESPACE_RUN.matcher(raw.trim()).replaceAll(" ");
        if (!text.isEmpty()
                && Character.isDigit(text.charAt(0))
                && text.length() >= 4
                && Character.isDigit(text.charAt(3))) {
            Matcher m = ISO_SPACE.matcher(text);
            String iso = m.find() ? m.replaceFirst("$1T$2") : text;
            return read(ISO_8601, SPACE_BEFORE_OFFSET.matcher(iso).replaceFirst(""));
        }
        return read(RFC_822, normaliseRfc822(text));
    }

    private static String normaliseRfc822(String text) {
        String withoutDay = DAY_NAME.matcher(text).replaceFirst("");
        Matcher zone = TRAILING_ZONE.matcher(withoutDay);
        if (zone.find()) {
            String offset = NAMED_ZONES.get(zone.group(1).toUpperCase(Locale.ROOT));
            if (offset != null) {
                return withoutDay.substring(0, zone.start()) + " " + offset;
            }
        }
        Matcher colon = COLON_OFFSET.matcher(withoutDay);
        return colon.find() ? colon.replaceFirst("$1$2") : withoutDay;
    }

    private static Reading read(DateTimeFormatter formatter, String text) {
        ParsePosition position = new ParsePosition(0);
        if (formatter.parseUnresolved(text, position) == null || position.getIndex() != text.length()) {
            return Reading.UNRECOGNISED;
        }
        try {
            TemporalAccessor parsed = formatter.parse(text);
            LocalDateTime local = LocalDateTime.from(parsed);
            ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS))
                    : ZoneOffset.UTC;
            return new Reading(Verdict.PARSED, local.toInstant(offset));
        } catch (DateTimeException e) {
            return Reading.INVALID;
        }
    }
}
