package org.reprotrack.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Prints rows one at a time in a chosen format, so listings of any size stream. */
final class RowPrinter<T> {

    private static final JsonFactory JSON = new JsonFactory();

    private final List<Column<T>> columns;
    private final OutputFormat format;
    private final PrintWriter out;
    private long rows;

    RowPrinter(List<Column<T>> columns, OutputFormat format, PrintWriter out) {
        this.columns = columns;
        this.format = format;
        this.out = out;
        switch (format) {
            case table -> printTableRow(columns.stream().map(c -> (Object) c.name().toUpperCase(java.util.Locale.ROOT)).toList());
            case csv -> out.print(String.join(",", columns.stream().map(c -> csv(c.name())).toList()) + "\r\n");
            case json -> { }
        }
    }

    void print(T row) {
        rows++;
        List<@Nullable Object> cells = columns.stream().map(c -> c.value().apply(row)).toList();
        switch (format) {
            case table -> printTableRow(cells);
            case csv -> out.print(String.join(",", cells.stream().map(v -> csv(v == null ? "" : String.valueOf(v))).toList()) + "\r\n");
            case json -> printJson(cells);
        }
    }

    long rows() {
        return rows;
    }

    private void printTableRow(List<@Nullable Object> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            String text = cells.get(i) == null ? "-" : String.valueOf(cells.get(i)).replaceAll("\\s+", " ");
            int width = columns.get(i).width();
            boolean last = i == columns.size() - 1;
            if (text.length() > width) {
                text = text.substring(0, Math.max(0, width - 1)) + "…";
            }
            line.append(text);
            if (!last) {
                line.append(" ".repeat(width - text.length() + 2));
            }
        }
        out.println(line.toString().stripTrailing());
    }

    private void printJson(List<@Nullable Object> cells) {
        try {
            java.io.StringWriter buffer = new java.io.StringWriter();
            try (JsonGenerator g = JSON.createGenerator(buffer)) {
                g.writeStartObject();
                for (int i = 0; i < columns.size(); i++) {
                    g.writeFieldName(columns.get(i).name());
                    Object v = cells.get(i);
                    if (v == null) {
                        g.writeNull();
                    } else if (v instanceof Boolean b) {
                        g.writeBoolean(b);
                    } else if (v instanceof Long l) {
                        g.writeNumber(l);
                    } else if (v instanceof Integer n) {
                        g.writeNumber(n);
                    } else if (v instanceof Double d) {
                        g.writeNumber(d);
                    } else {
                        g.writeString(String.valueOf(v));
                    }
                }
                g.writeEndObject();
            }
            out.println(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 4180: quote fields holding commas, quotes or line breaks; double the quotes. */
    static String csv(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
