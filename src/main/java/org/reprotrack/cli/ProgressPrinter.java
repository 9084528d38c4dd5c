package org.reprotrack.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.reprotrack.audit.AuditListener;

/**
 * Audit progress on standard error: a bar redrawn in place on a terminal, or a plain line every
 * few seconds when the output is a file or a pipe (logs, cron mails).
 */
final class ProgressPrinter implements AuditListener {

    private static final Duration PLAIN_EVERY = Duration.ofSeconds(5);

    private final PrintWriter err;
    private final boolean terminal;
    private final Clock clock;
    private final Instant start;
    private Instant lastPlain;
    private boolean barShown;

    ProgressPrinter(PrintWriter err, boolean terminal, Clock clock) {
        this.err = err;
        this.terminal = terminal;
        this.clock = clock;
        this.start = clock.instant();
        this.lastPlain = start;
    }

    @Override
    public synchronized void note(String message) {
        clearBar();
        err.println("note: " + message);
        err.flush();
    }

    @Override
    public synchronized void progress(Progress p) {
        Instant now = clock.instant();
        if (terminal) {
            err.print("\r" + bar(p, now));
            barShown = true;
            err.flush();
        } else if (p.done() == p.total() || Duration.between(lastPlain, now).compareTo(PLAIN_EVERY) >= 0) {
            lastPlain = now;
            err.println("audit: " + line(p, now));
            err.flush();
        }
    }

    /** The signals after the verdicts: one line with both, redrawn like the bar. */
    @Override
    public synchronized void signals(SignalsProgress p) {
        String line = signalsLine(p);
        if (terminal) {
            err.print("\r" + line);
            barShown = true;
        } else {
            err.println("audit: " + line);
        }
        err.flush();
    }

    static String signalsLine(SignalsProgress p) {
        return String.format("verdicts %,d done  signals %,d/%,d%s  requests %,d", p.verdicts(), p.done(), p.total(),
                p.deferred() > 0 ? String.format(" (%,d left for the next run)", p.deferred()) : "", p.requests());
    }

    @Override
    public synchronized void waiting(String resource, Instant until, String reason) {
        clearBar();
        err.printf("audit: waiting for GitHub's %s rate limit (%s): nothing is sent until %s%n",
                resource.equals("*") ? "secondary" : resource, reason, until.truncatedTo(ChronoUnit.SECONDS));
        err.flush();
    }

    /** Ends the bar's line so the summary starts on a fresh one. */
    synchronized void finish() {
        clearBar();
    }

    private void clearBar() {
        if (barShown) {
            err.println();
            barShown = false;
        }
    }

    private String bar(Progress p, Instant now) {
        int width = 24;
        int filled = p.total() == 0 ? width : (int) ((long) width * p.done() / p.total());
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + line(p, now);
    }

    static String line(Progress p, Instant now, Instant start) {
        double seconds = Math.max(0.001, Duration.between(start, now).toMillis() / 1000.0);
        double rate = p.done() / seconds;
        String eta = rate <= 0 ? "?" : formatDuration(Duration.ofSeconds((long) ((p.total() - p.done()) / rate)));
        String budget = p.budgetLeft() < 0 ? "" : String.format("  budget %,d", p.budgetLeft());
        return String.format("%,d/%,d  %.1f/s  ETA %s  requests %,d%s  waits %d", p.done(), p.total(), rate, eta,
                p.requests(), budget, p.waits());
    }

    private String line(Progress p, Instant now) {
        return line(p, now, start);
    }

    static String formatDuration(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
