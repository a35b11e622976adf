package org.her2feeds.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.her2feeds.store.TopicDayCount;
import org.her2feeds.tagging.TopicDefinition;

/** Lays out the per-topic daily counts of a 30-day window as SVG polylines. */
final class TopicChartBuilder {

    static final int DAYS = 30;
    /** Distinct colour and dash combinations in page.css ({@code .series-0} ...). */
    static final int STYLES = 14;

    private static final int WIDTH = 640;
    private static final int HEIGHT = 260;
    private static final TopicChart.Box PLOT = new TopicChart.Box(44, 14, 628, 224);
    private static final DateTimeFormatter TICK = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    /**
     * @param topics the topics in the order of topics.yml, which fixes each topic's colour
     * @param counts counts for days of the window; counts of a topic the rules no longer know still get a line
     * @param last   the last day of the window
     */
    TopicChart build(List<TopicDefinition> topics, List<TopicDayCount> counts, LocalDate last) {
        LocalDate first = last.minusDays(DAYS - 1);
        Map<String, long[]> perTopic = new LinkedHashMap<>();
        for (TopicDayCount count : counts) {
            int day = (int) (count.date().toEpochDay() - first.toEpochDay());
            if (day >= 0 && day < DAYS && count.count() > 0) {
                perTopic.computeIfAbsent(count.slug(), slug -> new long[DAYS])[day] += count.count();
            }
        }
        long max =
                perTopic.values().stream().flatMapToLong(Arrays::stream).max().orElse(0);
        long step = step(max);
        long top = Math.max(step, (max + step - 1) / step * step);

        Map<String, String> labels = new LinkedHashMap<>();
        topics.forEach(topic -> labels.put(topic.slug(), topic.label()));
        perTopic.keySet().forEach(slug -> labels.putIfAbsent(slug, slug));
        List<String> order = new ArrayList<>(labels.keySet());

        List<TopicChart.Series> series = new ArrayList<>();
        for (String slug : order) {
            long[] values = perTopic.get(slug);
            if (values != null) {
                series.add(series(slug, labels.get(slug), order.indexOf(slug) % STYLES, values, first, top));
            }
        }
        return new TopicChart(
                first.format(LONG),
                last.format(LONG),
                WIDTH,
                HEIGHT,
                PLOT,
                List.copyOf(series),
                xTicks(first),
                yTicks(top, step),
                description(series, first, last));
    }

    private static TopicChart.Series series(
            String slug, String label, int style, long[] values, LocalDate first, long top) {
        StringBuilder points = new StringBuilder();
        List<TopicChart.Marker> markers = new ArrayList<>();
        long total = 0;
        for (int day = 0; day < DAYS; day++) {
            double x = x(day);
            double y = y(values[day], top);
            if (day > 0) {
                points.append(' ');
            }
            points.append(number(x)).append(',').append(number(y));
            if (values[day] > 0) {
                markers.add(new TopicChart.Marker(
                        x,
                        y,
                        label + ": " + values[day] + (values[day] == 1 ? " article on " : " articles on ")
                                + first.plusDays(day).format(LONG)));
            }
            total += values[day];
        }
        return new TopicChart.Series(slug, label, "series-" + style, total, points.toString(), List.copyOf(markers));
    }

    /** Weekly labels counted back from the last day, so the newest day is always labelled and none collide. */
    private static List<TopicChart.Tick> xTicks(LocalDate first) {
        List<TopicChart.Tick> ticks = new ArrayList<>();
        for (int day = (DAYS - 1) % 7; day < DAYS; day += 7) {
            ticks.add(new TopicChart.Tick(x(day), first.plusDays(day).format(TICK)));
        }
        return List.copyOf(ticks);
    }

    private static List<TopicChart.Tick> yTicks(long top, long step) {
        List<TopicChart.Tick> ticks = new ArrayList<>();
        for (long value = 0; value <= top; value += step) {
            ticks.add(new TopicChart.Tick(y(value, top), Long.toString(value)));
        }
        return List.copyOf(ticks);
    }

    /** A tick step of 1, 2 or 5 times a power of ten that keeps the axis to about four intervals. */
    static long step(long max) {
        long target = Math.max(1, (max + 3) / 4);
        long power = 1;
        while (true) {
            for (long factor : new long[] {1, 2, 5}) {
                if (factor * power >= target) {
                    return factor * power;
                }
            }
            power *= 10;
        }
    }

    private static String description(List<TopicChart.Series> series, LocalDate first, LocalDate last) {
        String window = "Articles per topic per day from " + first.format(LONG) + " to " + last.format(LONG) + ". ";
        if (series.isEmpty()) {
            return window + "No articles in these days.";
        }
        return window + "Totals: "
                + series.stream().map(s -> s.label() + " " + s.total()).collect(Collectors.joining(", ")) + ".";
    }

    private static double x(int day) {
        return PLOT.left() + (PLOT.right() - PLOT.left()) * day / (DAYS - 1);
    }

    private static double y(long value, long top) {
        return PLOT.bottom() - (PLOT.bottom() - PLOT.top()) * value / top;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
