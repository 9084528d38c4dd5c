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
