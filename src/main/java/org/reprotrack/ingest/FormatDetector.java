package org.reprotrack.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells the format of an input file from its first {@value #SNIFF_BYTES} bytes; the file name's
 * extension only breaks ties. An empty file (or one holding only blanks) is an
 * {@link InputException} "empty file": reading it would succeed with nothing, which hides a wrong
 * path or a failed download, so we say so up front.
 */
public final class FormatDetector {

    static final int SNIFF_BYTES = 64 * 1024;

    private static final Pattern MARKER_LINE = Pattern.compile("(?m)^[ \\t]*arXiv:(\\S+)");

    private FormatDetector() {}

    /** The format of {@code file}, never {@link InputFormat#AUTO}. */
    public static InputFormat detect(Path file) throws IOException, InputException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        return detect(head, file.getFileName() == null ? "" : file.getFileName().toString());
    }

    static InputFormat detect(byte[] head, String fileName) throws InputException {
        String text = sniffText(head);
        String start = text.stripLeading();
        if (start.isEmpty()) {
            throw new InputException(0, "empty file");
        }
        if (start.startsWith("{")) {
            return InputFormat.JSONL;
        }
        if (start.startsWith("<")) {
            if (start.startsWith("<?xml") || text.contains("<feed")) {
                return InputFormat.ATOM;
            }
            throw new InputException(0, "XML or HTML but not an Atom feed (no <feed> element)");
        }
        // URL rows first: "arXiv:2108.08728,https://..." is a URL row, not a listing marker
        if (looksLikeUrlList(text)) {
            return InputFormat.URLS;
        }
        var marker = MARKER_LINE.matcher(text);
        while (marker.find()) {
            if (ArxivId.parseGlued(marker.group(1), 0) != null) {
                return InputFormat.LISTING;
            }
        }
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".json") || name.endsWith(".ndjson")) {
            return InputFormat.JSONL;
        }
        if (name.endsWith(".xml") || name.endsWith(".atom")) {
            return InputFormat.ATOM;
        }
        if (name.endsWith(".csv") || name.endsWith(".tsv")) {
            return InputFormat.URLS;
        }
        if (name.endsWith(".txt")) {
            return InputFormat.LISTING;
        }
        throw new InputException(0, "unknown format: expected arXiv listing text, arXiv metadata JSON lines, an Atom feed or a URL list");
    }

    /**
     * The head as text, or an InputException when it is binary: any NUL byte (binary or UTF-16),
     * or more than 10% control characters and undecodable bytes.
     */
    private static String sniffText(byte[] head) throws InputException {
        int bad = 0;
        for (byte b : head) {
            if (b == 0) {
                throw new InputException(0, "binary file, not text");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        CharBuffer chars = CharBuffer.allocate(head.length + 1);
        // endOfInput=false: a character cut by the sniff window is not an error
        decoder.decode(ByteBuffer.wrap(head), chars, head.length < SNIFF_BYTES);
        chars.flip();
        String text = chars.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD' || (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f')) {
                bad++;
            }
        }
        if (bad > text.length() / 10) {
            throw new InputException(0, "binary file, not text");
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static boolean isUrl(String s) {
        return s.matches("(?i)(https?://|www\\.)\\S+|[a-z0-9.-]+\\.(com|org|net|io|co|science)/\\S*");
    }

    /** True when the first rows (comments and blanks aside) are URL-list rows. */
    private static boolean looksLikeUrlList(String text) {
        int rows = 0;
        for (String line : text.split("\r?\n", 6)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (rows == 0 && l.replace("\"", "").replace(" ", "").equalsIgnoreCase("paper_id,url")) {
                return true;
            }
            String[] fields = l.split("[,\\t ]+", 3);
            String first = fields[0].replace("\"", "");
            boolean url = isUrl(first) || ArxivId.fromUrl(first) != null;
            boolean idAndUrl = fields.length >= 2 && ArxivId.parse(first) != null && isUrl(fields[1].replace("\"", ""));
            if (!url && !idAndUrl) {
                return false;
            }
            rows++;
            if (rows == 3) {
                break;
            }
        }
        return rows > 0;
    }
}
