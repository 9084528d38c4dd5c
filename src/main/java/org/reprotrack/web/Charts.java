package org.reprotrack.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reprotrack.check.PaperStatus;
import org.reprotrack.store.DailyShare;
import org.reprotrack.store.HistoryRow;
import org.reprotrack.web.view.Bar;
import org.reprotrack.web.view.BarChart;
import org.reprotrack.web.view.Fmt;
import org.reprotrack.web.view.LineChart;
import org.reprotrack.web.view.Point;
import org.reprotrack.web.view.StatusStyle;
import org.reprotrack.web.view.Tick;

/** Lays out the dashboard's charts as coordinates; the templates draw them as inline SVG. */
final class Charts {

    static final int WIDTH = 640;
    static final int HEIGHT = 220;
    private static final int LEFT = 44;
    private static final int RIGHT = 12;
    private static final int TOP = 10;
    private static final int BOTTOM = 24;

    private Charts() {
    }

    /** Share of checked papers with reachable code, one point per day. */
    static LineChart share(List<DailyShare> days) {
        List<Point> points = new ArrayList<>();
        int n = days.size();
        for (int i = 0; i < n; i++) {
            DailyShare d = days.get(i);
            points.add(new Point(x(i, n), y(d.percent(), 100), d.day() + ": " + Fmt.percent(d.percent()) + " ("
                    + Fmt.number(d.reachablePapers()) + " of " + Fmt.number(d.checkedPapers()) + " checked papers)"));
        }
        List<Tick> xTicks = new ArrayList<>();
        if (n > 0) {
            xTicks.add(new Tick(x(0, n), days.get(0).day().toString()));
            if (n > 1) {
                xTicks.add(new Tick(x(n - 1, n), days.get(n - 1).day().toString()));
            }
        }
        return new LineChart("Share of papers with reachable code, per day", WIDTH, HEIGHT, points, path(points),
                List.of(new Tick(y(0, 100), "0 %"), new Tick(y(50, 100), "50 %"), new Tick(y(100, 100), "100 %")), xTicks);
    }

    /**
     * A repository's status over time from its status changes (newest first, as the store gives
     * them): reachable at the top, no code in the middle, failing or dead at the bottom.
     */
    static LineChart timeline(List<HistoryRow> changesNewestFirst, Instant now) {
        List<HistoryRow> changes = new ArrayList<>(changesNewestFirst);
        java.util.Collections.reverse(changes);
        List<Point> points = new ArrayList<>();
        if (!changes.isEmpty()) {
            long from = changes.get(0).checkedAt().getEpochSecond();
            long to = Math.max(now.getEpochSecond(), from + 1);
            for (HistoryRow h : changes) {
                double fx = (double) (h.checkedAt().getEpochSecond() - from) / (to - from);
                points.add(new Point(LEFT + fx * (WIDTH - LEFT - RIGHT), y(level(h.status()), 2),
                        Fmt.time(h.checkedAt()) + ": " + StatusStyle.repo(h.status())
                                + (h.httpStatus() == null ? "" : " (HTTP " + h.httpStatus() + ")")));
            }
        }
        List<Tick> xTicks = points.isEmpty() ? List.of()
                : List.of(new Tick(LEFT, Fmt.date(changes.get(0).checkedAt())), new Tick(WIDTH - RIGHT, Fmt.date(now)));
        return new LineChart("Status over time", WIDTH, 120, scale(points, 120), stepPath(scale(points, 120)),
                List.of(new Tick(yIn(0, 2, 120), "dead"), new Tick(yIn(1, 2, 120), "no code"), new Tick(yIn(2, 2, 120), "reachable")),
                xTicks);
    }

    /** Papers per status, one bar each, linking to the filtered list. */
    static BarChart statuses(Map<PaperStatus, Integer> counts) {
        int max = Math.max(1, counts.values().stream().mapToInt(Integer::intValue).max().orElse(1));
        PaperStatus[] all = PaperStatus.values();
        double slot = (double) (WIDTH - LEFT - RIGHT) / all.length;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            int c = counts.getOrDefault(all[i], 0);
            double h = (HEIGHT - TOP - BOTTOM) * (double) c / max;
            bars.add(new Bar(LEFT + i * slot + slot * 0.15, HEIGHT - BOTTOM - h, slot * 0.7, h, StatusStyle.paperCss(all[i]),
                    StatusStyle.paper(all[i]), StatusStyle.paper(all[i]) + ": " + Fmt.number(c) + " papers",
                    "/papers?status=" + StatusStyle.param(all[i])));
        }
        return new BarChart("Papers by status", WIDTH, HEIGHT, bars);
    }

    /**
     * Papers per best checklist score, 0 to 5, one bar each; a bar links to the papers scoring at
     * least that much (the list's {@code score} filter is a minimum).
     */
    static BarChart scores(Map<Integer, Integer> papersByScore) {
        int max = Math.max(1, papersByScore.values().stream().mapToInt(Integer::intValue).max().orElse(1));
        double slot = (double) (WIDTH - LEFT - RIGHT) / 6;
        List<Bar> bars = new ArrayList<>();
        for (int score = 0; score <= 5; score++) {
            int c = papersByScore.getOrDefault(score, 0);
            double h = (HEIGHT - TOP - BOTTOM) * (double) c / max;
            bars.add(new Bar(LEFT + score * slot + slot * 0.15, HEIGHT - BOTTOM - h, slot * 0.7, h, "score-" + score,
                    score + "/5", "score " + score + " of 5: " + Fmt.number(c) + " papers", "/papers?score=" + score));
        }
        return new BarChart("Papers by best checklist score", WIDTH, HEIGHT, bars);
    }

    private static double level(String verdict) {
        return switch (verdict) {
            case "OK", "ARCHIVED", "MOVED" -> 2;
            case "EMPTY", "PLACEHOLDER" -> 1;
            default -> 0;
        };
    }

    private static double x(int i, int n) {
        return n <= 1 ? LEFT : LEFT + (double) i / (n - 1) * (WIDTH - LEFT - RIGHT);
    }

    private static double y(double value, double max) {
        return yIn(value, max, HEIGHT);
    }

    private static double yIn(double value, double max, int height) {
        return height - BOTTOM - value / max * (height - TOP - BOTTOM);
    }

    private static List<Point> scale(List<Point> points, int height) {
        // timeline points were laid out for HEIGHT; map them into the shorter chart
        return points.stream().map(p -> new Point(p.x(), height - BOTTOM - (HEIGHT - BOTTOM - p.y())
                * (height - TOP - BOTTOM) / (HEIGHT - TOP - BOTTOM), p.title())).toList();
    }

    private static String path(List<Point> points) {
        StringBuilder sb = new StringBuilder();
        for (Point p : points) {
            sb.append(String.format(Locale.ROOT, "%.1f,%.1f ", p.x(), p.y()));
        }
        return sb.toString().strip();
    }

    private static String stepPath(List<Point> points) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            if (i > 0) {
                sb.append(String.format(Locale.ROOT, "%.1f,%.1f ", p.x(), points.get(i - 1).y()));
            }
            sb.append(String.format(Locale.ROOT, "%.1f,%.1f ", p.x(), p.y()));
        }
        if (!points.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%.1f,%.1f", (double) WIDTH - RIGHT, points.get(points.size() - 1).y()));
        }
        return sb.toString().strip();
    }
}
