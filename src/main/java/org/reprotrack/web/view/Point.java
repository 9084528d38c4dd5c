package org.reprotrack.web.view;

/** A point of a line chart in SVG user units, with the text of its tooltip ({@code <title>}). */
public record Point(double x, double y, String title) {
}
