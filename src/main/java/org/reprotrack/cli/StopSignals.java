package org.reprotrack.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How the long-running commands ({@code audit}, {@code run}, {@code serve}) stop on SIGTERM or
 * Ctrl-C (SIGINT): the first signal only asks the command to stop at its next checkpoint, the
 * command records what it did and closes the database itself, and it exits with the shell's code
 * for the signal ({@link #exitCode()}: 143 for SIGTERM, 130 for SIGINT). A second signal exits at
 * once: what was committed stays, claimed audit work comes back when its lease runs out.
 *
 * <p>The JVM's own reaction to these signals is to run every shutdown hook at once, among them
 * H2's, which closed the database under a running audit ("Database is already closed"). So the two
 * signals get handlers of ours ({@code sun.misc.Signal}, in the {@code jdk.unsupported} module that
 * stays exported for this use), and the database is opened with {@code DB_CLOSE_ON_EXIT=FALSE}. A
 * shutdown hook remains as the backstop for the other ways a JVM ends (SIGHUP, or TERM/INT under
 * {@code -Xrs} where our handlers cannot be installed): it asks for the same stop and waits up to
 * {@code backstopWait} for the command to finish. A signal ignored when the JVM started (SIGINT
 * for a background job of a shell without job control) stays ignored, as it would without us.
 *
 * <p>{@link #close()} puts the previous handlers back (tests run commands inside the test JVM).
 */
final class StopSignals implements AutoCloseable {

    /** The shell's convention: 128 + the signal number. */
    static final int SIGINT_EXIT = 130;
    static final int SIGTERM_EXIT = 143;

    private static final Duration BACKSTOP_WAIT = Duration.ofSeconds(60);

    private final PrintWriter err;
    private final boolean acknowledge;
    private final Duration backstopWait;
    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final List<Restore> restores = new ArrayList<>();
    private final Thread backstop;
    private volatile int exitCode;

    private StopSignals(PrintWriter err, boolean acknowledge, Duration backstopWait) {
        this.err = err;
        this.acknowledge = acknowledge;
        this.backstopWait = backstopWait;
        this.backstop = new Thread(this::onShutdown, "reprotrack-shutdown");
    }

    /**
     * Takes over SIGTERM and SIGINT until {@link #close()}.
     *
     * @param acknowledge say at once that the stop was heard (on a terminal, where the stop of a
     *     batch in flight could otherwise look like a hang); logs and pipes get only the command's
     *     own line about what was recorded
     */
    static StopSignals install(PrintWriter err, boolean acknowledge) {
        return install(err, acknowledge, BACKSTOP_WAIT);
    }

    static StopSignals install(PrintWriter err, boolean acknowledge, Duration backstopWait) {
        StopSignals s = new StopSignals(err, acknowledge, backstopWait);
        s.handle("TERM", SIGTERM_EXIT);
        s.handle("INT", SIGINT_EXIT);
        Runtime.getRuntime().addShutdownHook(s.backstop);
        return s;
    }

    /** A stop was asked for: the {@code stopRequested} of the services. */
    boolean requested() {
        return requested.getCount() == 0;
    }

    /** Waits until a stop is asked for. */
    void await() throws InterruptedException {
        requested.await();
    }

    /** 143 for SIGTERM, 130 for SIGINT; 0 before any signal. */
    int exitCode() {
        return exitCode;
    }

    private void handle(String name, int code) {
        try {
            sun.misc.Signal sig = new sun.misc.Signal(name);
            sun.misc.SignalHandler previous = sun.misc.Signal.handle(sig, s -> received("SIG" + name, code));
            restores.add(() -> sun.misc.Signal.handle(sig, previous));
        } catch (IllegalArgumentException | LinkageError e) {
            // -Xrs, or no such signal here: the shutdown hook backstop covers the stop
        }
    }

    private void received(String name, int code) {
        if (!first(code)) {
            err.println(name + " again: exiting now; the checks recorded so far are kept, and work this process"
                    + " held goes back to the next run when its lease runs out");
            err.flush();
            Runtime.getRuntime().halt(code);
        } else if (acknowledge) {
            err.println(name + ": stopping at the next checkpoint (send it again to exit at once)");
            err.flush();
        }
    }

    /** @return false when a stop was already asked for */
    private synchronized boolean first(int code) {
        if (requested()) {
            return false;
        }
        exitCode = code;
        requested.countDown();
        return true;
    }

    /** The JVM is going down another way: ask for the same stop and give the command time to finish. */
    private void onShutdown() {
        first(0);
        try {
            if (!finished.await(backstopWait.toMillis(), TimeUnit.MILLISECONDS)) {
                err.println("the stop did not finish within " + backstopWait.toSeconds() + " s; exiting anyway");
                err.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The command has finished (database closed): the handlers go back and a pending JVM exit may go on. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(backstop);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the backstop is running and has just been released
        }
        restores.forEach(Restore::run);
        restores.clear();
    }

    @FunctionalInterface
    private interface Restore {
        void run();
    }
}
