package org.reprotrack.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprotrack.paper.Paper;

class JsonLinesReaderTest {

    private final JsonLinesReader reader = new JsonLinesReader();

    @Test
    void readsAllFieldsOfASnapshotRecord() throws Exception {
        CollectingSink s = CollectingSink.read(reader, "metadata.jsonl");
        assertEquals(List.of(), s.skips);
        assertEquals(List.of("0704.0001", "hep-th/9901001", "2406.11111"), s.ids());
        Paper p = s.papers.get(0);
        assertEquals("Calculation of toy cross sections", p.title());
        assertEquals("A fully made-up abstract.\nWith a hard line break.", p.abstractText());
        assertEquals("37 pages, code at https://github.com/example/xsec", p.comments());
        assertEquals("Ada Lovelace, Alan Turing", p.authors());
        assertEquals("hep-ph cs.LG", p.categories());
        assertEquals(List.of(), p.listedUrls());
    }

    @Test
    void publishedIsTheFirstVersionAndUpdatedTheLast() throws Exception {
        Paper p = CollectingSink.read(reader, "metadata.jsonl").papers.get(0);
        assertEquals(2, p.version());
        assertEquals(Instant.parse("2007-04-02T19:18:42Z"), p.published());
        assertEquals(Instant.parse("2007-07-24T20:10:27Z"), p.updated());
    }

    @Test
    void withoutVersionsUpdatedIsTheUpdateDate() throws Exception {
        Paper p = CollectingSink.read(reader, "metadata.jsonl").papers.get(1);
        assertNull(p.version());
        assertNull(p.published());
        assertNull(p.comments());
        assertEquals(Instant.parse("2009-01-02T00:00:00Z"), p.updated());
    }

    @Test
    void keepsUnicode() throws Exception {
        Paper p = CollectingSink.read(reader, "metadata.jsonl").papers.get(2);
        assertEquals("Über Wörter — 日本語", p.title());
        assertEquals("Unicode abstract 🙂", p.abstractText());
    }

    @Test
    void badLinesAreSkippedWithReasonsAndGoodOnesKept() throws Exception {
        CollectingSink s = CollectingSink.read(reader, "metadata-bad.jsonl");
        assertEquals(List.of("2401.00001", "2401.00006"), s.ids());
        assertEquals(8, s.skips.size(), s.skips.toString());
        assertTrue(s.skips.get(0).startsWith("2: not JSON (Unrecognized token 'this'"), s.skips.get(0));
        assertEquals("3: no \"id\"", s.skips.get(1));
        assertEquals("4: \"id\" is not a string", s.skips.get(2));
        assertEquals("5: \"title\" is not a string", s.skips.get(3));
        assertEquals("6: not a JSON object", s.skips.get(4));
        assertEquals("7: \"id\" is not an arXiv id: not-an-id", s.skips.get(5));
        assertEquals("8: version date is not like \"Mon, 2 Apr 2007 19:18:42 GMT\": yesterday", s.skips.get(6));
        assertTrue(s.skips.get(7).startsWith("9: not JSON ("), s.skips.get(7));
    }

    @Test
    void blankAndEmptyInputGiveNothing() throws Exception {
        CollectingSink s = CollectingSink.readText(reader, "\n  \n");
        assertEquals(List.of(), s.papers);
        assertEquals(List.of(), s.skips);
    }

    @Test
    void invalidUtf8SkipsOnlyThatLine() throws Exception {
        byte[] bad = "{\"id\": \"2401.00009\", \"title\": \"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] good = "{\"id\": \"2401.00010\"}".getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(bad, bad.length + good.length);
        System.arraycopy(good, 0, all, bad.length, good.length);
        CollectingSink s = CollectingSink.readBytes(reader, all);
        assertEquals(List.of("2401.00010"), s.ids());
        assertEquals(List.of("1: invalid UTF-8 at byte 35 of the line"), s.skips);
    }

    @Test
    void aFiftyMegabyteLineIsSkippedAndTheNextRecordIsRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("huge.jsonl");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("{\"id\": \"2401.00001\", \"abstract\": \"".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'a');
            for (int i = 0; i < 50; i++) {
                out.write(chunk);
            }
            out.write("\"}\n{\"id\": \"2401.00002\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        CollectingSink s = new CollectingSink();
        try (InputStream in = Files.newInputStream(file)) {
            new JsonLinesReader(1 << 20).read(in, s);
        }
        assertEquals(List.of("2401.00002"), s.ids());
        assertEquals(1, s.skips.size());
        assertTrue(s.skips.get(0).startsWith("1: line longer than 1048576 bytes"), s.skips.get(0));
    }
}
