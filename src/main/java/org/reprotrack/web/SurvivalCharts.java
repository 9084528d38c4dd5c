package org.reprotrack.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.reprotrack.survival.GroupFigures;
import org.reprotrack.survival.SurvivalCurve;
import org.reprotrack.survival.SurvivalStep;
import org.reprotrack.web.view.SurvivalChart;
import org.reprotrack.web.view.Tick;

/**
 * Lays out survival curves as SVG step lines with band polygons. A curve of 100,000 links has a
 * step per distinct day; steps that fall on the same horizontal pixel are merged (the last value
 * of the pixel is kept), so a curve is at most a few hundred points whatever the store's size.
 */
final class SurvivalCharts {

    static final int WIDTH = 640;
    static final int HEIGHT = 260;
    /** Curves drawn at most (the table lists every group). */
    static final int MAX_LINES = 8;
    private static final int LEFT = 44;
    private static final int RIGHT = 12;
    private static final int TOP = 10;
    private static final int BOTTOM = 24;
    private static final double YEAR = GroupFigures.YEAR_DAYS;

    private SurvivalCharts() {
    }

    static SurvivalChart chart(List<GroupFigures> groups) {
        List<GroupFigures> drawn = groups.subList(0, Math.min(groups.size(), MAX_LINES));
        double maxDays = 0;
        for (GroupFigures g : drawn) {
            maxDays = Math.max(maxDays, g.curve().lastTime());
        }
        double span = Math.max(YEAR, Math.ceil(maxDays / YEAR) * YEAR);
        List<SurvivalChart.Line> lines = new ArrayList<>();
        for (int i = 0; i < drawn.size(); i++) {
            GroupFigures g = drawn.get(i);
            if (g.curve().subjects() > 0) {
                lines.add(new SurvivalChart.Line(g.group(), i, steps(g.curve(), span, 0), band(g.curve(), span)));
            }
        }
        List<Tick> xTicks = new ArrayList<>();
        int years = (int) Math.round(span / YEAR);
        int every = Math.max(1, (years + 9) / 10);
        for (int y = 0; y <= years; y += every) {
            xTicks.add(new Tick(x(y * YEAR, span), y + (y == 1 ? " year" : " years")));
        }
        List<Tick> yTicks = List.of(new Tick(y(0), "0 %"), new Tick(y(0.5), "50 %"), new Tick(y(1), "100 %"));
        return new SurvivalChart("Share of code links still reachable, by years since the paper's first version", WIDTH, HEIGHT,
                lines, yTicks, xTicks);
    }

    /** Which value of a step a line follows: 0 the estimate, 1 the lower band, 2 the upper band. */
    private static double value(SurvivalStep s, int which) {
        return switch (which) {
            case 1 -> s.lower();
            case 2 -> s.upper();
            default -> s.survival();
        };
    }

    /** The step line from (0, 1) to the last observed time, as an SVG points list. */
    private static String steps(SurvivalCurve curve, double span, int which) {
        List<double[]> pts = stepPoints(curve, span, which);
        StringBuilder b = new StringBuilder();
        for (double[] p : pts) {
            append(b, p[0], p[1]);
        }
        return b.toString().strip();
    }

    private static List<double[]> stepPoints(SurvivalCurve curve, double span, int which) {
        List<double[]> pts = new ArrayList<>();
        double level = 1.0;
        pts.add(new double[] {x(0, span), y(level)});
        long lastPixel = Long.MIN_VALUE;
        for (SurvivalStep s : curve.steps()) {
            double v = value(s, which);
            if (Double.isNaN(v)) {
                break;
            }
            double px = x(s.time(), span);
            long pixel = Math.round(px);
            if (pixel == lastPixel && pts.size() >= 2) {
                pts.get(pts.size() - 1)[1] = y(v); // same pixel: the vertical drop goes to the newest level
            } else {
                pts.add(new double[] {px, y(level)});
                pts.add(new double[] {px, y(v)});
            }
            lastPixel = pixel;
            level = v;
        }
        pts.add(new double[] {x(curve.lastTime(), span), y(level)});
        return pts;
    }

    /** The band: the upper bound's steps forward, then the lower bound's back. */
    private static String band(SurvivalCurve curve, double span) {
        List<double[]> upper = stepPoints(curve, span, 2);
        List<double[]> lower = stepPoints(curve, span, 1);
        StringBuilder b = new StringBuilder();
        upper.forEach(p -> append(b, p[0], p[1]));
        for (int i = lower.size() - 1; i >= 0; i--) {
            append(b, lower.get(i)[0], lower.get(i)[1]);
        }
        return b.toString().strip();
    }

    private static void append(StringBuilder b, double x, double y) {
        b.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
    }

    private static double x(double days, double span) {
        return LEFT + days / span * (WIDTH - LEFT - RIGHT);
    }

    private static double y(double survival) {
        return TOP + (1 - survival) * (HEIGHT - TOP - BOTTOM);
    }
}
