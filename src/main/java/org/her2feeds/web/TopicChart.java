package org.her2feeds.web;

import java.util.List;

/**
 * A line chart of articles per topic per day, laid out on the server so it needs no script.
 *
 * @param series one line per topic that has articles in the window; empty when none has
 * @param plot   the area inside the axes, in SVG user units
 */
record TopicChart(
        String from,
        String to,
        int width,
        int height,
        Box plot,
        List<Series> series,
        List<Tick> xTicks,
        List<Tick> yTicks,
        String description) {

    public record Box(double left, double top, double right, double bottom) {}

    /**
     * @param styleClass a CSS class that gives the line its colour and dash pattern (no inline
     *                   styles: the CSP forbids them)
     * @param points     the SVG polyline points, one per day of the window
     */
    public record Series(
            String slug, String label, String styleClass, long total, String points, List<Marker> markers) {}

    /** A day on which a topic had articles: a dot with a tooltip. */
    public record Marker(double x, double y, String text) {}

    public record Tick(double position, String label) {}
}
