package org.reprotrack.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.reprotrack.paper.Paper;

/**
 * Reads the arXiv metadata snapshot: one JSON object per line with {@code id}, {@code title},
 * {@code abstract}, {@code comments}, {@code authors}, {@code categories}, {@code versions} and
 * {@code update_date}. A bad line is skipped with its reason; blank lines are ignored.
 *
 * <p>Dates: published is v1's {@code created}; updated is the last version's {@code created},
 * or {@code update_date} (midnight UTC) when there are no versions.
 */
public final class JsonLinesReader implements PaperReader {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private final int maxLineBytes;

    public JsonLinesReader() {
        this(BoundedLineReader.DEFAULT_MAX_LINE_BYTES);
    }

    public JsonLinesReader(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    public void read(InputStream in, RecordSink sink) throws IOException, InputException {
        BoundedLineReader lines = new BoundedLineReader(in, maxLineBytes);
        for (BoundedLineReader.Line line = lines.next(); line != null; line = lines.next()) {
            if (!line.ok()) {
                sink.skip(line.number(), String.valueOf(line.problem()));
            } else if (!line.text().isBlank()) {
                try {
                    sink.accept(paper(line.text()));
                } catch (BadRecord e) {
                    sink.skip(line.number(), e.getMessage());
                }
            }
        }
    }

    private Paper paper(String text) throws BadRecord {
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadRecord("not JSON (" + shortMessage(e) + ")");
        }
        if (node == null || !node.isObject()) {
            throw new BadRecord("not a JSON object");
        }
        String rawId = string(node, "id");
        if (rawId == null || rawId.isBlank()) {
            throw new BadRecord("no \"id\"");
        }
        ArxivId id = ArxivId.parse(rawId);
        if (id == null) {
            throw new BadRecord("\"id\" is not an arXiv id: " + clip(rawId));
        }
        String title = string(node, "title");
        Integer version = id.version();
        Instant published = null;
        Instant updated = null;
        int newest = 0;
        JsonNode versions = node.get("versions");
        if (versions != null && !versions.isNull()) {
            if (!versions.isArray()) {
                throw new BadRecord("\"versions\" is not a list");
            }
            for (JsonNode v : versions) {
                String name = v.isObject() ? string(v, "version") : null;
                String created = v.isObject() ? string(v, "created") : null;
                if (name == null || !name.matches("v[1-9][0-9]{0,5}")) {
                    throw new BadRecord("\"versions\" entry without a version like \"v1\"");
                }
                int n = Integer.parseInt(name.substring(1));
                Instant when = created == null ? null : rfc1123(created);
                if (n == 1) {
                    published = when;
                }
                if (n >= newest) {
                    newest = n;
                    updated = when;
                }
            }
        }
        if (newest > 0) {
            version = newest;
        }
        String updateDate = string(node, "update_date");
        if (updated == null && updateDate != null && !updateDate.isBlank()) {
            try {
                updated = LocalDate.parse(updateDate.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new BadRecord("\"update_date\" is not a date like 2024-10-11: " + clip(updateDate));
            }
        }
        return new Paper(id.id(), version, title == null ? null : collapse(title), trimmed(string(node, "abstract")),
                trimmed(string(node, "comments")), joined(node, "authors"), joined(node, "categories"),
                published, updated, List.of());
    }

    /** A text field; null when absent or JSON null; anything else than a string is a bad record. */
    private static @Nullable String string(JsonNode node, String field) throws BadRecord {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new BadRecord("\"" + field + "\" is not a string");
        }
        return v.textValue();
    }

    /** Authors and categories are strings in the snapshot; other exports use lists. */
    private static @Nullable String joined(JsonNode node, String field) throws BadRecord {
        JsonNode v = node.get(field);
        if (v != null && v.isArray()) {
            StringBuilder b = new StringBuilder();
            for (JsonNode item : v) {
                if (!item.isTextual()) {
                    throw new BadRecord("\"" + field + "\" holds something else than strings");
                }
                b.append(b.length() == 0 ? "" : field.equals("authors") ? ", " : " ").append(item.textValue().strip());
            }
            return b.length() == 0 ? null : b.toString();
        }
        String s = string(node, field);
        return s == null || s.isBlank() ? null : collapse(s);
    }

    private static Instant rfc1123(String created) throws BadRecord {
        try {
            return ZonedDateTime.parse(created.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRecord("version date is not like \"Mon, 2 Apr 2007 19:18:42 GMT\": " + clip(created));
        }
    }

    private static @Nullable String trimmed(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String collapse(String s) {
        return WHITESPACE.matcher(s.strip()).replaceAll(" ");
    }

    private static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    /** Jackson's message without the source excerpt and location it appends. */
    private static String shortMessage(JsonProcessingException e) {
        String m = String.valueOf(e.getOriginalMessage());
        int nl = m.indexOf('\n');
        if (nl >= 0) {
            m = m.substring(0, nl);
        }
        return m.length() <= 100 ? m : m.substring(0, 100) + "...";
    }

    /** A line that is JSON but not a usable record; the message is the skip reason. */
    private static final class BadRecord extends Exception {
        BadRecord(String message) {
            super(message, null, false, false);
        }

        @Override
        public String getMessage() {
            return String.valueOf(super.getMessage());
        }
    }
}
