package org.reprotrack.web.view;

import java.util.List;

/**
 * A line chart laid out on the server: the template only draws. {@code path} is the polyline's
 * points attribute (numbers only).
 */
public record LineChart(String label, int width, int height, List<Point> points, String path, List<Tick> yTicks,
        List<Tick> xTicks) {
    public LineChart {
        points = List.copyOf(points);
        yTicks = List.copyOf(yTicks);
        xTicks = List.copyOf(xTicks);
    }

    public boolean empty() {
        return points.isEmpty();
    }
}
