package org.reprotrack.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Each format parsed back and compared with the rows it was made from, with hostile titles. */
class ReportFormatsTest {

    static final Instant AT = Instant.parse("2026-01-10T06:00:00Z");

    static List<String> hostileTitles() throws IOException {
        List<String> titles = new ArrayList<>();
        try (InputStream in = ReportFormatsTest.class.getResourceAsStream("/report/hostile-titles.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                titles.add(line);
            }
        }
        titles.add("Line one\nline two,\r\nline \"three\"");
        titles.add("Ünïcödé — 深度学习 😀");
        return titles;
    }

    static Report report() throws IOException {
        List<ReportRow> rows = new ArrayList<>();
        List<String> titles = hostileTitles();
        for (int i = 0; i < titles.size(); i++) {
            ArchiveCopies archive = i % 2 == 0
                    ? new ArchiveCopies(true, Instant.parse("2025-03-14T10:21:52Z"), "https://archive.softwareheritage.org/browse/origin/directory/?origin_url=https://github.com/lab/r" + i,
                            "https://web.archive.org/web/https://github.com/Lab/R" + i, null, null, null, List.of())
                    : new ArchiveCopies(null, null, null, "https://web.archive.org/web/https://github.com/Lab/R" + i, null, null, null,
                            List.of("Software Heritage: no answer (read timeout)"));
            rows.add(new ReportRow("2101.0000" + i, i, titles.get(i), i == 3 ? "javascript:alert(1)" : "https://github.com/Lab/R" + i + "|x",
                    "github.com/lab/r" + i, RowKind.DEAD, "BLOCKED", null, 451, "dmca \"<b>\"", null, "taken down,\nsee notice",
                    Instant.parse("2025-12-01T08:00:00Z"), null, i == 0 ? null : 7, Instant.parse("2025-06-01T00:00:00Z"), i == 1, archive,
                    signals(i)));
        }
        rows.add(new ReportRow("2101.00099", 0, null, "https://github.com/Lab/Back", "github.com/lab/back", RowKind.RECOVERED, "OK",
                "NOT_FOUND", 200, null, null, null, null, AT, 3, null, false, ArchiveCopies.linkOnly("https://web.archive.org/web/https://github.com/Lab/Back"),
                new RowSignals(4, false, "MIT", -3L, false)));
        List<PromiseNotKept> promises = List.of(
                new PromiseNotKept("2101.00001", titles.get(1), "github.com/lab/r1", "EMPTY", Instant.parse("2025-10-11T06:00:00Z"), 91),
                new PromiseNotKept("2101.00002", null, "github.com/lab/r2", "NOT_FOUND", Instant.parse("2025-01-01T00:00:00Z"), 374));
        return new Report(AT, null, null, Instant.parse("2026-01-03T06:00:00Z"), rows, promises);
    }

    /** Every mix of known and unknown signals, a hostile licence among them. */
    static RowSignals signals(int i) {
        return switch (i % 4) {
            case 0 -> RowSignals.NONE;
            case 1 -> new RowSignals(0, true, null, 12L, true);
            case 2 -> new RowSignals(5, false, "Apache-2.0", 0L, true);
            default -> new RowSignals(3, null, "<b>|none</b>", null, false);
        };
    }

    static String csvValue(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }

    /** A small RFC 4180 reader: quoted fields may hold commas, CRLF and doubled quotes. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                assertFalse(c == '\n' || c == '\r', "bare line break outside quotes at " + i);
                field.append(c);
            }
        }
        assertTrue(record.isEmpty() && field.isEmpty(), "the last record ends with CRLF");
        return records;
    }

    @Test
    void csvParsesBackToTheRowsWithHeaderAndRfc4180Quoting() throws IOException {
        Report report = report();

        List<List<String>> records = parseCsv(new CsvReport().render(report));

        assertEquals(CsvReport.HEADER, records.get(0));
        assertEquals(report.rows().size() + 1, records.size());
        for (int i = 0; i < report.rows().size(); i++) {
            ReportRow row = report.rows().get(i);
            List<String> r = records.get(i + 1);
            assertEquals(CsvReport.HEADER.size(), r.size());
            assertEquals(row.paperId(), r.get(0));
            assertEquals(row.title() == null ? "" : row.title(), r.get(1), "title survives exactly");
            assertEquals(row.link(), r.get(2));
            assertEquals(row.change(), r.get(CsvReport.HEADER.indexOf("change")));
            assertEquals(Times.instant(row.deadSince()), r.get(CsvReport.HEADER.indexOf("dead_since")));
            assertEquals(row.archive().note(), r.get(CsvReport.HEADER.indexOf("archive_note")));
            RowSignals s = row.signals();
            assertEquals(csvValue(s.checklistScore()), r.get(CsvReport.HEADER.indexOf("checklist_score")));
            assertEquals(csvValue(s.placeholder()), r.get(CsvReport.HEADER.indexOf("placeholder")));
            assertEquals(csvValue(s.licence()), r.get(CsvReport.HEADER.indexOf("licence")));
            assertEquals(csvValue(s.releaseLagDays()), r.get(CsvReport.HEADER.indexOf("release_lag_days")));
            assertEquals(Boolean.toString(s.promiseNotKept()), r.get(CsvReport.HEADER.indexOf("promise_not_kept")));
        }
        assertEquals(List.of("archive_note", "checklist_score", "placeholder", "licence", "release_lag_days", "promise_not_kept"),
                CsvReport.HEADER.subList(CsvReport.HEADER.size() - 6, CsvReport.HEADER.size()),
                "the signal columns come after every existing column, in the order the README lists them");
        assertEquals("recovered", records.get(records.size() - 1).get(CsvReport.HEADER.indexOf("change")));
    }

    @Test
    void jsonParsesBackWithGeneratedAtCountsAndNestedArchives() throws IOException {
        Report report = report();

        JsonNode root = new ObjectMapper().readTree(new JsonReport().render(report));

        assertEquals(JsonReport.SCHEMA, root.get("schema").asText());
        assertEquals("2026-01-10T06:00:00Z", root.get("generated_at").asText());
        assertEquals("2026-01-03T06:00:00Z", root.get("previous_report_at").asText());
        assertTrue(root.get("filters").get("since").isNull());
        assertEquals(1, root.get("counts").get("recovered").asInt());
        assertEquals(1, root.get("counts").get("newly_dead").asInt());
        JsonNode rows = root.get("rows");
        assertEquals(report.rows().size(), rows.size());
        for (int i = 0; i < report.rows().size(); i++) {
            ReportRow row = report.rows().get(i);
            JsonNode n = rows.get(i);
            assertEquals(row.title(), n.get("title").isNull() ? null : n.get("title").asText());
            assertEquals(row.link(), n.get("link").asText());
            assertEquals(row.kind().name().toLowerCase(java.util.Locale.ROOT), n.get("kind").asText());
            assertEquals(row.stars(), n.get("stars").isNull() ? null : n.get("stars").asInt());
            JsonNode swh = n.get("archive").get("software_heritage");
            assertEquals(row.archive().swhArchived(), swh.get("archived").isNull() ? null : swh.get("archived").asBoolean());
            assertEquals(row.archive().waybackUrl(), n.get("archive").get("wayback").get("url").asText());
            assertEquals(row.archive().notes().size(), n.get("archive").get("notes").size());
            RowSignals s = row.signals();
            assertEquals(s.checklistScore(), n.get("checklist_score").isNull() ? null : n.get("checklist_score").asInt());
            assertEquals(s.placeholder(), n.get("placeholder").isNull() ? null : n.get("placeholder").asBoolean());
            assertEquals(s.licence(), n.get("licence").isNull() ? null : n.get("licence").asText());
            assertEquals(s.releaseLagDays(), n.get("release_lag_days").isNull() ? null : n.get("release_lag_days").asLong());
            assertTrue(n.get("promise_not_kept").isBoolean());
            assertEquals(s.promiseNotKept(), n.get("promise_not_kept").asBoolean());
        }
        assertEquals(2, root.get("counts").get("promises_not_kept").asInt());
        JsonNode promises = root.get("promises_not_kept");
        assertEquals(report.promisesNotKept().size(), promises.size());
        for (int i = 0; i < promises.size(); i++) {
            PromiseNotKept p = report.promisesNotKept().get(i);
            JsonNode n = promises.get(i);
            assertEquals(p.paperId(), n.get("paper_id").asText());
            assertEquals(p.title(), n.get("title").isNull() ? null : n.get("title").asText());
            assertEquals(p.repoKey(), n.get("repo_key").asText());
            assertEquals(p.status(), n.get("status").asText());
            assertEquals(Times.instant(p.published()), n.get("published").asText());
            assertEquals(p.daysSince(), n.get("days_since_first_version").asLong());
        }
        assertNull(rows.get(0).get("change").textValue());
        assertEquals("new", rows.get(1).get("change").asText());
    }

    /** The cells of a GitHub table row: split on pipes not escaped by a backslash. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        String inner = line.substring(1, line.length() - 1);
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\' && i + 1 < inner.length()) {
                cell.append(c).append(inner.charAt(++i));
            } else if (c == '|') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }

    static String unescapeMarkdown(String cell) {
        return cell.replaceAll("\\\\(.)", "$1").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    @Test
    void markdownTableRowsHaveOneCellPerColumnAndTitlesReadBack() throws IOException {
        Report report = report();

        String md = new MarkdownReport().render(report);

        List<List<String>> rows = new ArrayList<>();
        List<List<String>> promiseRows = new ArrayList<>();
        boolean inPromises = false;
        for (String line : md.split("\n")) {
            inPromises |= line.startsWith("## Promises not kept");
            if (line.startsWith("| ") && !line.startsWith("| Paper") && !line.startsWith("| ---")) {
                (inPromises ? promiseRows : rows).add(cells(line));
            }
        }
        // newly dead (1) + recovered (1) + dead (all but the recovered one)
        assertEquals(report.rows().size() + 1, rows.size());
        List<List<String>> dead = rows.subList(2, rows.size());
        List<ReportRow> deadRows = report.rows(RowKind.DEAD);
        for (int i = 0; i < deadRows.size(); i++) {
            List<String> cells = dead.get(i);
            assertEquals(MarkdownReport.HEADER.size(), cells.size(), "row " + i + ": " + cells);
            String expected = deadRows.get(i).title().replaceAll("\r\n|\n|\r", " ").strip();
            assertEquals(expected, unescapeMarkdown(cells.get(1)));
            assertEquals(deadRows.get(i).signals().text(), unescapeMarkdown(cells.get(MarkdownReport.HEADER.indexOf("Signals"))));
        }
        assertTrue(md.contains("## Promises not kept (2)"));
        assertEquals(2, promiseRows.size());
        for (int i = 0; i < promiseRows.size(); i++) {
            PromiseNotKept p = report.promisesNotKept().get(i);
            List<String> cells = promiseRows.get(i);
            assertEquals(MarkdownReport.PROMISE_HEADER.size(), cells.size(), cells.toString());
            assertEquals(p.paperId(), cells.get(0));
            assertEquals(p.title() == null ? "" : p.title().replaceAll("\r\n|\n|\r", " ").strip(), unescapeMarkdown(cells.get(1)));
            assertEquals(p.repoKey(), cells.get(2));
            assertEquals(p.status(), unescapeMarkdown(cells.get(3)));
            assertEquals(Long.toString(p.daysSince()), cells.get(4));
        }
        assertTrue(md.contains("score 0/5; placeholder yes; release lag 12 d; promise not kept"));
        assertTrue(md.contains("## Newly dead since the previous report (1)"));
        assertTrue(md.contains("## Recovered since the previous report (1)"));
        assertTrue(md.contains("(was NOT_FOUND)"), "an underscore inside a word stays as it is");
        assertTrue(md.contains("\\_under\\_"), "an underscore at a word edge is escaped");
        assertFalse(md.contains("<script>"));
        assertFalse(Pattern.compile("(?<!\\\\)\\]\\(javascript").matcher(md).find(), "no live javascript: link");
    }

    @Test
    void htmlShowsHostileTitlesOnlyEscaped() throws IOException {
        String html = new HtmlReport().render(report());

        assertFalse(html.contains("<script"), "no script element");
        assertFalse(html.contains("<img"), "no injected element");
        assertFalse(html.contains("<b>"), "no injected markup");
        assertFalse(html.contains("href=\"javascript"), "only http(s) links");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
        assertTrue(html.contains("&#39;single&#39; &amp; ampersand &amp;amp;"));
        assertTrue(html.contains("Ünïcödé — 深度学习 😀"));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<th>Signals</th>"));
        assertTrue(html.contains("<td>score 5/5; placeholder no; licence Apache-2.0; release lag 0 d; promise not kept</td>"));
        assertTrue(html.contains("<td>score 3/5; licence &lt;b&gt;|none&lt;/b&gt;</td>"), "a licence is escaped like any text");
        assertTrue(html.contains("<h2 id=\"promises-not-kept\">Promises not kept (2)</h2>"));
        assertTrue(html.contains("<tr><td>2101.00002</td><td></td><td>github.com/lab/r2</td><td>NOT_FOUND</td><td>374</td></tr>"));
        assertTrue(html.contains("default-src 'none'"), "a policy forbids scripts even if one slipped through");
        // every tag in the page is one the renderer writes
        Matcher tags = Pattern.compile("<([a-zA-Z0-9!]+)").matcher(html);
        List<String> allowed = List.of("!DOCTYPE", "html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "table",
                "thead", "tbody", "tr", "th", "td", "a", "span");
        while (tags.find()) {
            assertTrue(allowed.contains(tags.group(1)), "unexpected tag " + tags.group(1));
        }
    }

    @Test
    void htmlEscapeHandlesEveryMetaCharacter() {
        assertEquals("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;", Html.text("<a href=\"x\" onclick='y'>&</a>"));
        assertEquals("javascript:alert(1)", Html.link("x", "javascript:alert(1)"));
        assertEquals("<a href=\"https://e.org/?a=1&amp;b=&quot;2&quot;\" rel=\"noopener noreferrer\">&lt;x&gt;</a>",
                Html.link("<x>", "https://e.org/?a=1&b=\"2\""));
    }

    @Test
    void markdownCellKeepsPipesAndLineBreaksInsideTheCell() {
        assertEquals("a \\| b c", Markdown.cell("a | b\r\nc"));
        assertEquals("<https://github.com/a/b>", Markdown.url("https://github.com/a/b"));
        assertEquals("https://x.org/a\\|b", Markdown.url("https://x.org/a|b"));
    }

    @Test
    void csvQuotesOnlyFieldsThatNeedIt() {
        assertEquals("plain", Csv.field("plain"));
        assertEquals("\"a,b\"", Csv.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.field("say \"hi\""));
        assertEquals("\"two\nlines\"", Csv.field("two\nlines"));
    }
}
