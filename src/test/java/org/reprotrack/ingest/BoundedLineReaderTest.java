package org.reprotrack.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedLineReaderTest {

    private static List<BoundedLineReader.Line> lines(byte[] bytes, int max) throws IOException, InputException {
        BoundedLineReader r = new BoundedLineReader(new ByteArrayInputStream(bytes), max);
        List<BoundedLineReader.Line> out = new ArrayList<>();
        for (BoundedLineReader.Line l = r.next(); l != null; l = r.next()) {
            out.add(l);
        }
        return out;
    }

    private static List<String> texts(String s) throws IOException, InputException {
        return lines(s.getBytes(StandardCharsets.UTF_8), 1000).stream().map(BoundedLineReader.Line::text).toList();
    }

    @Test
    void splitsOnLfAndCrLfAndKeepsALastLineWithoutNewline() throws Exception {
        assertEquals(List.of("a", "b", "", "c"), texts("a\r\nb\n\nc"));
        assertEquals(List.of("a"), texts("a\n"));
    }

    @Test
    void emptyInputHasNoLines() throws Exception {
        assertEquals(List.of(), texts(""));
    }

    @Test
    void dropsAUtf8BomAtTheStartOnly() throws Exception {
        assertEquals(List.of("x", "\uFEFFy"), texts("\uFEFFx\n\uFEFFy"));
    }

    @Test
    void decodesUnicode() throws Exception {
        assertEquals(List.of("naïve 日本語 🙂"), texts("naïve 日本語 🙂\n"));
    }

    @Test
    void invalidUtf8IsAProblemOfThatLineOnly() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write("good\n".getBytes(StandardCharsets.UTF_8));
        b.write(new byte[] {'b', 'a', 'd', (byte) 0xC3, '(', '\n'});
        b.write("also good".getBytes(StandardCharsets.UTF_8));
        List<BoundedLineReader.Line> l = lines(b.toByteArray(), 1000);
        assertEquals(3, l.size());
        assertTrue(l.get(0).ok());
        assertEquals(2, l.get(1).number());
        assertEquals("invalid UTF-8 at byte 4 of the line", l.get(1).problem());
        assertTrue(l.get(2).ok());
        assertEquals("also good", l.get(2).text());
    }

    @Test
    void aLineOverTheLimitIsReportedAndTheNextLineIsRead() throws Exception {
        List<BoundedLineReader.Line> l = lines("12345\n123456\r\nabc".getBytes(StandardCharsets.UTF_8), 5);
        assertTrue(l.get(0).ok());
        assertEquals("line longer than 5 bytes (6 bytes)", l.get(1).problem());
        assertEquals("abc", l.get(2).text());
        assertEquals(3, l.get(2).number());
    }

    @Test
    void aCrLfDoesNotCountAgainstTheLimit() throws Exception {
        List<BoundedLineReader.Line> l = lines("12345\r\n".getBytes(StandardCharsets.UTF_8), 5);
        assertEquals("12345", l.get(0).text());
        assertNull(l.get(0).problem());
    }

    @Test
    void aNulByteMakesTheInputUnreadable() {
        InputException e = assertThrows(InputException.class, () -> lines(new byte[] {'a', '\n', 'b', 0, 'c'}, 100));
        assertEquals(2, e.line());
        assertTrue(e.reason().contains("binary"), e.reason());
    }

    @Test
    void aFiftyMegabyteLineIsSkippedWithoutBeingBuffered(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("huge.txt");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("first\n".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1 << 20];
            java.util.Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 50; i++) {
                out.write(chunk);
            }
            out.write("\nlast\n".getBytes(StandardCharsets.UTF_8));
        }
        try (InputStream in = Files.newInputStream(file)) {
            BoundedLineReader r = new BoundedLineReader(in, 1 << 20);
            assertEquals("first", r.next().text());
            BoundedLineReader.Line huge = r.next();
            assertEquals("line longer than 1048576 bytes (52428800 bytes)", huge.problem());
            assertTrue(huge.text().length() <= 256, "only a preview is kept");
            assertEquals("last", r.next().text());
            assertNull(r.next());
        }
    }
}
