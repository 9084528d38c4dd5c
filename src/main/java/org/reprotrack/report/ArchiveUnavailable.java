package org.reprotrack.report;

/** An archive gave no definitive answer this time (timeout, rate limit, 5xx); the message is the note shown in the report. */
final class ArchiveUnavailable extends Exception {
    private static final long serialVersionUID = 1L;

    ArchiveUnavailable(String message) {
        super(message, null, false, false);
    }
}
