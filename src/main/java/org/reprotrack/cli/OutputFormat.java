package org.reprotrack.cli;

/** How list commands print rows. */
public enum OutputFormat {
    /** Aligned columns for people. */
    table,
    /** RFC 4180 CSV with a header row. */
    csv,
    /** One JSON object per line. */
    json
}
