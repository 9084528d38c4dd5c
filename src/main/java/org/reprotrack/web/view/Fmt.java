package org.reprotrack.web.view;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Formatting for templates: UTC dates and times, durations, numbers; "—" for unknown values. */
public final class Fmt {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Fmt() {
    }

    public static String date(@Nullable Instant t) {
        return t == null ? "—" : DATE.format(t);
    }

    public static String time(@Nullable Instant t) {
        return t == null ? "—" : TIME.format(t);
    }

    public static String duration(@Nullable Duration d) {
        if (d == null) {
            return "running";
        }
        long s = d.toSeconds();
        return s < 60 ? s + " s" : s < 3600 ? (s / 60) + " min " + (s % 60) + " s" : (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    public static String millis(long ms) {
        return duration(Duration.ofMillis(ms));
    }

    public static String number(@Nullable Number n) {
        return n == null ? "—" : String.format(Locale.ROOT, "%,d", n.longValue());
    }

    public static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f %%", p);
    }

    public static String text(@Nullable Object o) {
        return o == null ? "—" : o.toString();
    }

    public static String yesNo(@Nullable Boolean b) {
        return b == null ? "—" : b ? "yes" : "no";
    }

    /** An href for a URL from a paper: only http(s) URLs become links, anything else ("javascript:") does not. */
    public static String href(String url) {
        String u = url.strip();
        String lower = u.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://")) {
            return u;
        }
        if (lower.matches("[a-z0-9.-]+\\.[a-z]{2,}(/.*)?")) {
            return "https://" + u;
        }
        return "#";
    }

    /** The abstract page of an arXiv id. */
    public static String arxiv(String id) {
        return "https://arxiv.org/abs/" + id;
    }
}
