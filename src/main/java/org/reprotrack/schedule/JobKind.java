package org.reprotrack.schedule;

import java.util.Locale;

/** The scheduled jobs. */
public enum JobKind {
    /** Re-reads the configured sources. */
    INGEST,
    /** Fills titles, authors and dates from the arXiv API. */
    ENRICH,
    /** Checks the repositories that are due. */
    AUDIT,
    /** Writes the dead-link reports. */
    REPORT;

    /** The name in the config, job runs and Quartz keys: {@code audit}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
