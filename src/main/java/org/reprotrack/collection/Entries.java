package org.reprotrack.collection;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reprotrack.ingest.ArxivIds;

/**
 * Reads a list of papers: one entry a line, or CSV rows (the first cell of a row that names a
 * paper is taken, so a list exported with title and id columns works as is). An entry is an arXiv
 * id ({@code 2406.11111}, {@code 2406.11111v2}, {@code arXiv:hep-th/9901001}), an arXiv abs/pdf
 * URL, or an arXiv DOI ({@code 10.48550/arXiv.2406.11111}, also as a doi.org URL). Blank lines and
 * lines starting with {@code #} are skipped; a first line naming no paper is taken as a header.
 * Every other line that names no paper is kept as {@link Unresolved}, with its line and reason.
 */
public final class Entries {

    private static final Pattern ARXIV_DOI = Pattern.compile("(?i)^(?:https?://(?:dx\\.)?doi\\.org/|doi:\\s*)?10\\.48550/arxiv\\.(.+)$");
    private static final Pattern DOI = Pattern.compile("(?i)^(?:https?://(?:dx\\.)?doi\\.org/|doi:\\s*)?10\\.\\d{4,9}/\\S+$");
    private static final int MAX_LINE = 10_000;

    /** A line that names no paper. */
    public record Unresolved(long line, String text, String reason) {
    }

    /** The ids read (in order, no repeats) and the lines that named none. */
    public record Resolution(List<String> ids, List<Unresolved> unresolved) {
    }

    private Entries() {
    }

    public static Resolution read(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        } catch (NoSuchFileException e) {
            throw new IOException("file not found: " + file, e);
        } catch (CharacterCodingException e) {
            throw new IOException(file + " is not UTF-8 text (a list of arXiv ids, URLs or DOIs, one a line or CSV)", e);
        }
        return resolve(lines);
    }

    /** Resolves lines of a file (numbered from 1). */
    public static Resolution resolve(List<String> lines) {
        Set<String> ids = new LinkedHashSet<>();
        List<Unresolved> unresolved = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            String line = raw.length() > MAX_LINE ? raw.substring(0, MAX_LINE) : raw;
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            String reason = null;
            String found = null;
            for (String cell : cells(stripped)) {
                Result r = entry(cell);
                if (r.id != null) {
                    found = r.id;
                    break;
                }
                if (reason == null && r.reason != null) {
                    reason = r.reason;
                }
            }
            if (found != null) {
                ids.add(found);
            } else if (i > 0 || reason != null) {
                unresolved.add(new Unresolved(i + 1, shorten(stripped), reason != null ? reason : "not an arXiv id, arXiv URL or DOI"));
            }
        }
        return new Resolution(List.copyOf(ids), unresolved);
    }

    private record Result(String id, String reason) {
    }

    /** One cell: its arXiv id, or why it names none (null reason: plainly not an id, e.g. a title). */
    private static Result entry(String cell) {
        String s = cell.strip();
        Matcher arxivDoi = ARXIV_DOI.matcher(s);
        if (arxivDoi.matches()) {
            Optional<String> id = ArxivIds.canonical(arxivDoi.group(1));
            return id.map(v -> new Result(v, null)).orElseGet(() -> new Result(null, "arXiv DOI with a malformed id"));
        }
        if (DOI.matcher(s).matches()) {
            return new Result(null, "DOI not known to the store (only arXiv DOIs, 10.48550/arXiv.<id>, resolve;"
                    + " give the arXiv id instead)");
        }
        Optional<String> id = ArxivIds.canonical(s);
        if (id.isPresent()) {
            return new Result(id.get(), null);
        }
        if (s.toLowerCase(Locale.ROOT).contains("arxiv.org/")) {
            return new Result(null, "arXiv URL without a valid paper id");
        }
        return new Result(null, null);
    }

    /** RFC 4180 cells of one line (quotes, doubled quotes); a line without commas is one cell. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',' || ch == ';' || ch == '\t') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static String shorten(String s) {
        String clean = s.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 120 ? clean.substring(0, 120) + "..." : clean;
    }
}
