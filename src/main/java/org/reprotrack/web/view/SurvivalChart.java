package org.reprotrack.web.view;

import java.util.List;

/**
 * Kaplan–Meier step curves with their 95 % bands, laid out on the server: {@code path} and
 * {@code band} of each line are SVG points attributes (numbers only), the template only draws.
 */
public record SurvivalChart(String label, int width, int height, List<Line> lines, List<Tick> yTicks, List<Tick> xTicks) {

    public SurvivalChart {
        lines = List.copyOf(lines);
        yTicks = List.copyOf(yTicks);
        xTicks = List.copyOf(xTicks);
    }

    /** One group's curve: its colour index (css {@code s0}…{@code s7}), step line and band polygon. */
    public record Line(String group, int colour, String path, String band) {
    }

    public boolean empty() {
        return lines.isEmpty();
    }
}
