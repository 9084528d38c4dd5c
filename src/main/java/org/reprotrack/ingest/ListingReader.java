package org.reprotrack.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.reprotrack.paper.Paper;

/**
 * Reads arXiv listing text: each record is its abstract line(s), usually one comments line, then
 * the marker {@code arXiv:<id>}, which ends the record; the next record's text follows the id on
 * the same line with no separator ({@code arXiv:2108.08728Point clouds ...}).
 *
 * <p>Rules, checked against a real listing of 9,209 papers:
 * <ul>
 *   <li>A marker is {@code arXiv:} at the start of a line. Mid-line it is prose ("see
 *       arXiv:2509.15965") and must not split a record.
 *   <li>With two or more non-empty lines, the last one is the comments line and the lines before
 *       it are the abstract; a single line is the abstract with no comments. The format cannot
 *       tell a multi-line abstract without comments from one with comments; listings as produced
 *       put each abstract on one line, which is what makes this rule exact.
 *   <li>Text after the last marker has no id and is skipped; a listing without any marker yields
 *       one skip.
 *   <li>A marker with no valid id drops the record it would end (its id is unknown) and the text
 *       after it starts the next record.
 * </ul>
 */
public final class ListingReader implements PaperReader {

    /** Text kept for one record at most; a record past it is skipped, so memory stays bounded. */
    static final int DEFAULT_MAX_RECORD_CHARS = 8 << 20;

    private static final String MARKER = "arXiv:";
    /** What an unreadable id looks like, to find where the next record's text starts. */
    private static final Pattern BAD_ID = Pattern.compile("[0-9]+(?:\\.[0-9]+)?(?:v[0-9])?|[A-Za-z.-]+/[0-9]+(?:v[0-9])?|\\S{0,40}");

    private final int maxLineBytes;
    private final int maxRecordChars;

    public ListingReader() {
        this(BoundedLineReader.DEFAULT_MAX_LINE_BYTES, DEFAULT_MAX_RECORD_CHARS);
    }

    public ListingReader(int maxLineBytes, int maxRecordChars) {
        this.maxLineBytes = maxLineBytes;
        this.maxRecordChars = maxRecordChars;
    }

    @Override
    public void read(InputStream in, RecordSink sink) throws IOException, InputException {
        BoundedLineReader lines = new BoundedLineReader(in, maxLineBytes);
        Record record = new Record(1);
        boolean sawMarker = false;
        for (BoundedLineReader.Line line = lines.next(); line != null; line = lines.next()) {
            if (!line.ok()) {
                sink.skip(line.number(), line.problem() + "; its text is left out");
            }
            String text = line.text();
            int at = markerStart(text);
            if (at < 0) {
                record.add(line.ok() ? text : null, line.number());
                continue;
            }
            sawMarker = true;
            ArxivId.Match match = ArxivId.parseGlued(text, at + MARKER.length());
            int restStart;
            if (match != null) {
                record.emit(match.arxivId(), line.number(), sink);
                restStart = match.end();
            } else {
                Matcher bad = BAD_ID.matcher(text);
                bad.region(at + MARKER.length(), text.length()).lookingAt();
                String shown = text.substring(at, bad.end());
                sink.skip(record.startLine, "\"" + shown + "\" is not a valid arXiv id, so the record it ends is skipped");
                restStart = bad.end();
            }
            record = new Record(line.number());
            if (!line.ok()) {
                record.add(null, line.number());
            } else if (!text.substring(restStart).isBlank()) {
                record.add(text.substring(restStart), line.number());
            }
        }
        if (!sawMarker) {
            sink.skip(lines.lineNumber() == 0 ? 0 : 1, "no arXiv: id found: a listing record ends with a line starting arXiv:<id>");
        } else if (record.hasText()) {
            sink.skip(record.startLine, "text after the last arXiv id has no id");
        }
    }

    /** Index of a marker that starts the line (after optional blanks), or -1. */
    private static int markerStart(String text) {
        int i = 0;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        return text.startsWith(MARKER, i) ? i : -1;
    }

    /** The lines of one record so far; null stands for a line that could not be read. */
    private final class Record {
        final long startLine;
        final List<@Nullable String> lines = new ArrayList<>();
        long chars;
        boolean tooLong;

        Record(long startLine) {
            this.startLine = startLine;
        }

        void add(@Nullable String text, long lineNumber) {
            if (text != null && text.isBlank()) {
                return;
            }
            chars += text == null ? 0 : text.length();
            if (chars > maxRecordChars) {
                tooLong = true;
                lines.clear();
                return;
            }
            if (!tooLong) {
                lines.add(text == null ? null : text.strip());
            }
        }

        boolean hasText() {
            return tooLong || lines.stream().anyMatch(l -> l != null);
        }

        void emit(ArxivId id, long markerLine, RecordSink sink) {
            if (tooLong) {
                sink.skip(startLine, "record of arXiv:" + id.id() + " is longer than " + maxRecordChars + " characters");
                return;
            }
            @Nullable String comments = null;
            List<@Nullable String> abstractLines = lines;
            if (lines.size() >= 2) {
                comments = lines.get(lines.size() - 1);
                abstractLines = lines.subList(0, lines.size() - 1);
            }
            StringBuilder abstractText = new StringBuilder();
            for (String l : abstractLines) {
                if (l != null) {
                    abstractText.append(abstractText.length() == 0 ? "" : "\n").append(l);
                }
            }
            sink.accept(Paper.ofText(id.id(), id.version(), abstractText.length() == 0 ? null : abstractText.toString(), comments));
        }
    }
}
