package org.reprotrack.report;

/** Renders a whole report as the text of one file in one format. */
interface ReportRenderer {
    String render(Report report);

    /** The renderer of a format. */
    static ReportRenderer of(ReportFormat format) {
        return switch (format) {
            case CSV -> new CsvReport();
            case JSON -> new JsonReport();
            case MD -> new MarkdownReport();
            case HTML -> new HtmlReport();
        };
    }
}
