package org.reprotrack.web.view;

import java.util.List;

/** A bar chart laid out on the server. */
public record BarChart(String label, int width, int height, List<Bar> bars) {
    public BarChart {
        bars = List.copyOf(bars);
    }
}
