package org.reprotrack.web.view;

/** An axis label at a position in SVG user units. */
public record Tick(double pos, String label) {
}
