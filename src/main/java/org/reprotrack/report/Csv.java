package org.reprotrack.report;

import java.util.List;

/** RFC 4180 fields and records: CRLF line ends, fields with a comma, quote, CR or LF quoted, quotes doubled. */
final class Csv {
    private Csv() {
    }

    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    static String record(List<String> values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(field(values.get(i)));
        }
        return sb.append("\r\n").toString();
    }
}
