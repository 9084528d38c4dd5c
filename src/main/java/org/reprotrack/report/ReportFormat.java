package org.reprotrack.report;

import java.util.Locale;

/** The file formats of a report, each for its readers. */
public enum ReportFormat {
    /** RFC 4180, UTF-8, header row: for spreadsheets. */
    CSV("csv"),
    /** One document with {@code generated_at} and rows (docs/report-schema.json): for programs. */
    JSON("json"),
    /** GitHub-flavoured Markdown tables: to paste into an e-mail, an issue or a wiki. */
    MD("md"),
    /** One standalone page, no scripts, everything escaped: to open in a browser or attach. */
    HTML("html");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** The format for a name or extension ({@code md}, {@code CSV}). */
    public static ReportFormat of(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (ReportFormat f : values()) {
            if (f.extension.equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown report format '" + name + "' (csv, json, md, html)");
    }
}
