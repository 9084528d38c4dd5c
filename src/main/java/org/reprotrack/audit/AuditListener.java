package org.reprotrack.audit;

import java.time.Instant;

/** Hears how an audit goes, for a progress bar or log lines. Called from several threads. */
public interface AuditListener {

    /** Something the user should know before the checks start (e.g. no token: 60 checks an hour). */
    void note(String message);

    /** After each recorded check. */
    void progress(Progress progress);

    /** The client waits for a rate limit and sends nothing until {@code until}. */
    void waiting(String resource, Instant until, String reason);

    /** After each batch of the signals that follow the verdicts (the progress line shows both). */
    default void signals(SignalsProgress progress) {
    }

    /**
     * The signals lane after the verdicts.
     *
     * @param verdicts checks recorded in this run
     * @param done repositories whose signals were read
     * @param total repositories whose signals were stale at the start of the lane
     * @param deferred repositories left for the next run (budget kept for verdicts, or a stop)
     * @param requests GitHub requests sent by the run so far, verdicts and signals
     */
    record SignalsProgress(int verdicts, int done, int total, int deferred, long requests) {
    }

    /**
     * A snapshot of the run.
     *
     * @param done checks recorded
     * @param total checks planned
     * @param requests GitHub requests sent
     * @param budgetLeft the last GitHub budget seen (core or graphql, whichever is lower), -1 if none seen
     * @param waits rate-limit waits so far
     */
    record Progress(int done, int total, long requests, int budgetLeft, long waits) {
    }

    AuditListener SILENT = new AuditListener() {
        @Override
        public void note(String message) {
        }

        @Override
        public void progress(Progress progress) {
        }

        @Override
        public void waiting(String resource, Instant until, String reason) {
        }
    };
}
