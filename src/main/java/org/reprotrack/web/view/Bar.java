package org.reprotrack.web.view;

/** One bar of a bar chart in SVG user units, its CSS class, its label and tooltip. */
public record Bar(double x, double y, double w, double h, String css, String label, String title, String href) {
}
