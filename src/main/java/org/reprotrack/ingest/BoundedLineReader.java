package org.reprotrack.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Reads UTF-8 lines from a byte stream without ever holding more than one line of bounded length.
 *
 * <p>We do not use {@code BufferedReader.readLine()}: it buffers a line of any length (one 50 MB
 * line is 100 MB of chars) and replaces invalid bytes silently. Here a line longer than the limit
 * is skipped byte by byte and reported, and invalid UTF-8 is reported for that line only, so one
 * bad line never costs the rest of a file.
 *
 * <p>Lines end at {@code \n} or {@code \r\n}; a missing final newline is fine; a UTF-8 BOM at the
 * start is dropped. A NUL byte means the input is binary (or UTF-16), which no reader can use, so
 * it stops the read with an {@link InputException}.
 */
final class BoundedLineReader {

    /** Default line limit: arXiv abstracts are a few KB, so 1 MiB only stops garbage. */
    static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

    /** How much of a skipped line is kept as {@link Line#text()}, enough to see a marker or id. */
    private static final int PREVIEW_BYTES = 256;

    /**
     * One line.
     *
     * @param number 1-based line number
     * @param text the line without its terminator; when {@code problem} is set, only a lossy preview
     *     (the first bytes of an over-long line, or the line with invalid bytes replaced by U+FFFD)
     *     that a reader may use to find structure, never as content
     * @param problem why the line cannot be used, null for a good line
     */
    record Line(long number, String text, @Nullable String problem) {
        boolean ok() {
            return problem == null;
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int limit;
    private byte[] line = new byte[256];
    private long lineNumber;
    private boolean eof;
    private boolean started;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    BoundedLineReader(InputStream in, int maxLineBytes) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be positive: " + maxLineBytes);
        }
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    BoundedLineReader(InputStream in) {
        this(in, DEFAULT_MAX_LINE_BYTES);
    }

    /** The next line, or null at the end of the input. */
    @Nullable Line next() throws IOException, InputException {
        if (!started) {
            started = true;
            skipBom();
        }
        int len = 0;
        long total = 0;
        byte last = 0;
        int high = 0; // OR of every stored byte: ASCII lines (most) skip the UTF-8 decoder
        boolean any = false;
        while (true) {
            if (pos == limit && !fill()) {
                if (!any) {
                    return null;
                }
                break;
            }
            any = true;
            int end = pos;
            while (end < limit) {
                byte b = buf[end];
                if (b == '\n' || b == 0) {
                    break;
                }
                high |= b;
                end++;
            }
            if (end < limit && buf[end] == 0) {
                throw new InputException(lineNumber + 1, "binary data (NUL byte): not UTF-8 text");
            }
            int n = end - pos;
            if (n > 0) {
                total += n;
                last = buf[end - 1];
                if (len + n > line.length && line.length <= maxLineBytes) {
                    line = Arrays.copyOf(line, (int) Math.min(Math.max((long) line.length * 2, (long) len + n), maxLineBytes + 1L));
                }
                // past the limit the bytes are dropped: the line is only counted, never stored
                int copy = Math.min(n, line.length - len);
                System.arraycopy(buf, pos, line, len, copy);
                len += copy;
            }
            pos = end;
            if (end < limit) {
                pos++; // the newline
                break;
            }
        }
        lineNumber++;
        long contentBytes = last == '\r' ? total - 1 : total;
        if (contentBytes > maxLineBytes) {
            int keep = Math.min(len, PREVIEW_BYTES);
            String preview = new String(line, 0, keep, StandardCharsets.UTF_8);
            if (len > PREVIEW_BYTES) {
                line = new byte[256]; // don't keep a limit-sized array alive after one long line
            }
            return new Line(lineNumber, preview, "line longer than " + maxLineBytes + " bytes (" + contentBytes + " bytes)");
        }
        if (len > 0 && line[len - 1] == '\r') {
            len--;
        }
        if ((high & 0x80) == 0) {
            return new Line(lineNumber, new String(line, 0, len, StandardCharsets.ISO_8859_1), null); // ASCII: the same characters
        }
        try {
            String text = decoder.reset().decode(ByteBuffer.wrap(line, 0, len)).toString();
            return new Line(lineNumber, text, null);
        } catch (MalformedInputException e) {
            int at = firstBadByte(len);
            return new Line(lineNumber, new String(line, 0, len, StandardCharsets.UTF_8),
                    "invalid UTF-8 at byte " + (at + 1) + " of the line");
        } catch (CharacterCodingException e) {
            return new Line(lineNumber, new String(line, 0, len, StandardCharsets.UTF_8), "invalid UTF-8");
        }
    }

    private int firstBadByte(int len) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, len);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(len + 1);
        d.decode(bytes, out, true);
        return bytes.position();
    }

    private void skipBom() throws IOException {
        while (limit - pos < 3 && !eof) {
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                limit -= pos;
                pos = 0;
            }
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        }
        if (limit - pos >= 3 && (buf[pos] & 0xFF) == 0xEF && (buf[pos + 1] & 0xFF) == 0xBB && (buf[pos + 2] & 0xFF) == 0xBF) {
            pos += 3;
        }
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n;
        do {
            n = in.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    /** Number of the last line returned. */
    long lineNumber() {
        return lineNumber;
    }
}
