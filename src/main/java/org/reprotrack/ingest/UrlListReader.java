package org.reprotrack.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.reprotrack.paper.Paper;

/**
 * Reads lists of links that users already have. Each line is one of:
 * <ul>
 *   <li>{@code paper_id,url}: CSV, quotes per RFC 4180 (a quoted field may hold commas; a field
 *       cannot span lines); an optional header row {@code paper_id,url};
 *   <li>{@code paper_id url}, separated by a tab or spaces;
 *   <li>a URL alone: an arXiv abs/pdf URL opens the paper with that id, and the bare URLs after it
 *       belong to that paper (the arXiv URL itself is the paper, not a link, so it is not listed).
 * </ul>
 * Paper ids are arXiv ids, with an optional {@code arXiv:} prefix and version, or an arXiv URL.
 * Adjacent rows for one paper become one {@link Paper} with its URLs in order (an exact duplicate
 * URL is kept once); {@code #} comments and blank lines are ignored and do not break adjacency.
 * A bad row is skipped with its reason.
 */
public final class UrlListReader implements PaperReader {

    static final String NO_PAPER_ID = "no paper id: write paper_id,url or put the arXiv URL first";

    private static final Pattern URL = Pattern.compile(
            "(?i)(?:https?://[^\\s/]+\\S*|(?:www\\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\\.[a-z]{2,}(?:[/?#]\\S*)?)");
    private static final Pattern SPACES = Pattern.compile("[\\t ]+");

    private final int maxLineBytes;

    public UrlListReader() {
        this(BoundedLineReader.DEFAULT_MAX_LINE_BYTES);
    }

    public UrlListReader(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    public void read(InputStream in, RecordSink sink) throws IOException, InputException {
        BoundedLineReader lines = new BoundedLineReader(in, maxLineBytes);
        Pending pending = null;
        boolean firstRow = true;
        for (BoundedLineReader.Line line = lines.next(); line != null; line = lines.next()) {
            if (!line.ok()) {
                sink.skip(line.number(), String.valueOf(line.problem()));
                continue;
            }
            String text = line.text().strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            boolean header = firstRow && text.replace("\"", "").replace(" ", "").equalsIgnoreCase("paper_id,url");
            firstRow = false;
            if (header) {
                continue;
            }
            Row row;
            try {
                row = row(text);
            } catch (BadRow e) {
                sink.skip(line.number(), e.getMessage());
                continue;
            }
            if (row.id == null) {
                // a bare URL: joins the paper its arXiv URL opened
                if (pending == null || !pending.openedByArxivUrl) {
                    sink.skip(line.number(), NO_PAPER_ID);
                } else {
                    pending.urls.add(row.url);
                }
                continue;
            }
            if (pending != null && pending.id.id().equals(row.id.id())) {
                if (row.opensPaper) {
                    pending.openedByArxivUrl = true;
                } else {
                    pending.urls.add(row.url);
                }
                continue;
            }
            if (pending != null) {
                sink.accept(pending.paper());
            }
            pending = new Pending(row.id, row.opensPaper);
            if (!row.opensPaper) {
                pending.urls.add(row.url);
            }
        }
        if (pending != null) {
            sink.accept(pending.paper());
        }
    }

    /** One line: a paper id with a URL, an arXiv URL that opens a paper, or a bare URL (no id). */
    private record Row(@Nullable ArxivId id, String url, boolean opensPaper) {}

    private static Row row(String text) throws BadRow {
        List<String> fields;
        if (text.indexOf(',') >= 0 && !isUrl(text)) {
            fields = csv(text);
        } else {
            fields = List.of(SPACES.split(text));
        }
        if (fields.size() == 1) {
            String url = fields.get(0).strip();
            ArxivId arxiv = ArxivId.fromUrl(url);
            if (arxiv != null) {
                return new Row(arxiv, url, true);
            }
            if (isUrl(url)) {
                return new Row(null, url, false);
            }
            throw new BadRow(ArxivId.parse(url) != null ? "no URL after the paper id" : "not a URL: " + clip(url));
        }
        if (fields.size() > 2) {
            throw new BadRow("expected paper_id,url but found " + fields.size() + " fields (quote a URL that holds a comma)");
        }
        String rawId = fields.get(0).strip();
        String url = fields.get(1).strip();
        if (rawId.isEmpty()) {
            throw new BadRow(NO_PAPER_ID);
        }
        ArxivId id = ArxivId.parse(rawId);
        if (id == null) {
            throw new BadRow("paper id is not an arXiv id (like 2108.08728 or hep-th/9901001): " + clip(rawId));
        }
        if (url.isEmpty()) {
            throw new BadRow("no URL after the paper id");
        }
        if (!isUrl(url)) {
            throw new BadRow("not a URL: " + clip(url));
        }
        ArxivId own = ArxivId.fromUrl(url);
        // the paper's own arXiv page names the paper (a paper with no code link), it is not a link of it
        return new Row(id, url, own != null && own.id().equals(id.id()));
    }

    private static boolean isUrl(String s) {
        return URL.matcher(s).matches() && !s.contains("@") || s.toLowerCase(Locale.ROOT).matches("https?://\\S+");
    }

    /** Splits one CSV record per RFC 4180: quoted fields may hold commas and doubled quotes. */
    private static List<String> csv(String text) throws BadRow {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            field.setLength(0);
            while (i < text.length() && text.charAt(i) == ' ') {
                i++;
            }
            if (i < text.length() && text.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= text.length()) {
                        throw new BadRow("a quoted field is not closed");
                    }
                    char c = text.charAt(i++);
                    if (c == '"') {
                        if (i < text.length() && text.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                while (i < text.length() && text.charAt(i) == ' ') {
                    i++;
                }
                if (i < text.length() && text.charAt(i) != ',') {
                    throw new BadRow("text after a closing quote");
                }
            } else {
                while (i < text.length() && text.charAt(i) != ',') {
                    field.append(text.charAt(i++));
                }
            }
            fields.add(field.toString());
            if (i >= text.length()) {
                return fields;
            }
            i++; // the comma
        }
    }

    private static String clip(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }

    private static final class Pending {
        final ArxivId id;
        boolean openedByArxivUrl;
        final Set<String> urls = new LinkedHashSet<>();

        Pending(ArxivId id, boolean openedByArxivUrl) {
            this.id = id;
            this.openedByArxivUrl = openedByArxivUrl;
        }

        Paper paper() {
            return new Paper(id.id(), id.version(), null, null, null, null, null, null, null, List.copyOf(urls));
        }
    }

    /** A row that cannot be used; the message is the skip reason. */
    private static final class BadRow extends Exception {
        BadRow(String message) {
            super(message, null, false, false);
        }

        @Override
        public String getMessage() {
            return String.valueOf(super.getMessage());
        }
    }
}
