package org.reprotrack.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprotrack.paper.Paper;

class ListingReaderTest {

    private final ListingReader reader = new ListingReader();

    @Test
    void readsEveryRecordOfAListingWithItsIdVersionAbstractAndComments() throws Exception {
        CollectingSink s = CollectingSink.read(reader, "listing.txt");
        assertEquals(List.of(), s.skips);
        assertEquals(List.of("2108.08728", "2108.08839", "2406.11111", "1412.1234", "hep-th/9901001", "math/0309136"), s.ids());
        Paper first = s.papers.get(0);
        assertEquals("We study toy graphs on small meshes. Code is available at https://github.com/example/toygraph", first.abstractText());
        assertEquals("Accepted to a workshop", first.comments());
        assertNull(first.version());
        assertNull(first.title());
        assertEquals(List.of(), first.listedUrls());
    }

    @Test
    void textGluedAfterAnIdStartsTheNextRecordEvenWhenItStartsWithADigit() throws Exception {
        CollectingSink s = CollectingSink.read(reader, "listing.txt");
        assertEquals("Point sets are hard to complete. We propose a tiny model.", s.papers.get(1).abstractText());
        assertEquals("12 pages, code: github.com/example/tiny", s.papers.get(1).comments());
        assertEquals("3D point cloud understanding is studied with synthetic rooms.", s.papers.get(2).abstractText());
    }

    @Test
    void aSingleLineRecordHasNoCommentsLine() throws Exception {
        Paper p = CollectingSink.read(reader, "listing.txt").papers.get(2);
        assertNull(p.comments());
        assertEquals(2, p.version());
    }

    @Test
    void keepsUnicodeText() throws Exception {
        Paper p = CollectingSink.read(reader, "listing.txt").papers.get(3);
        assertEquals("Überblick: naïve Bayes für Wörter — 日本語のテキスト 🙂 works.", p.abstractText());
        assertEquals("Comments with ünïcödé", p.comments());
    }

    @Test
    void readsOldStyleIdsWithVersionsAndSubjectClasses() throws Exception {
        CollectingSink s = CollectingSink.read(reader, "listing.txt");
        assertEquals(3, s.papers.get(4).version());
        assertEquals("An old four-digit id paper.", s.papers.get(4).abstractText());
        assertNull(s.papers.get(5).version());
        assertEquals("Strings on a lattice.", s.papers.get(5).abstractText());
        assertEquals("Phys. Rev. D", s.papers.get(5).comments());
    }

    @Test
    void readsAListingWithoutAFinalNewline() throws Exception {
        CollectingSink s = CollectingSink.read(reader, "listing-no-final-newline.txt");
        assertEquals(List.of("1501.00001"), s.ids());
        assertEquals(1, s.papers.get(0).version());
        assertEquals("Only one abstract line with no comments and no final newline", s.papers.get(0).abstractText());
        assertEquals(List.of(), s.skips);
    }

    @Test
    void aListingWithNoIdsIsOneSkipAndNoPapers() throws Exception {
        CollectingSink s = CollectingSink.read(reader, "listing-no-ids.txt");
        assertEquals(List.of(), s.papers);
        assertEquals(List.of("1: no arXiv: id found: a listing record ends with a line starting arXiv:<id>"), s.skips);
    }

    @Test
    void anEmptyListingSaysNoIdWasFound() throws Exception {
        CollectingSink s = CollectingSink.readText(reader, "");
        assertEquals(List.of("0: no arXiv: id found: a listing record ends with a line starting arXiv:<id>"), s.skips);
    }

    @Test
    void anArxivIdInsideProseIsNotAMarker() throws Exception {
        CollectingSink s = CollectingSink.readText(reader, "We extend arXiv:2101.00001 here.\nComments\narXiv:2102.00002\n");
        assertEquals(List.of("2102.00002"), s.ids());
        assertEquals("We extend arXiv:2101.00001 here.", s.papers.get(0).abstractText());
    }

    @Test
    void textAfterTheLastIdIsSkipped() throws Exception {
        CollectingSink s = CollectingSink.readText(reader, "A.\narXiv:2101.00001Orphan abstract\nOrphan comments\n");
        assertEquals(List.of("2101.00001"), s.ids());
        assertEquals(List.of("2: text after the last arXiv id has no id"), s.skips);
    }

    @Test
    void anInvalidMarkerSkipsTheRecordItEndsAndReadingGoesOn() throws Exception {
        CollectingSink s = CollectingSink.readText(reader,
                "First.\narXiv:2101.00001Second.\narXiv:2113.99999Third.\nC3\narXiv:2101.00003\n");
        assertEquals(List.of("2101.00001", "2101.00003"), s.ids());
        assertEquals("Third.", s.papers.get(1).abstractText());
        assertEquals(List.of("2: \"arXiv:2113.99999\" is not a valid arXiv id, so the record it ends is skipped"), s.skips);
    }

    @Test
    void consecutiveMarkersGiveAPaperWithoutText() throws Exception {
        CollectingSink s = CollectingSink.readText(reader, "A.\narXiv:2101.00001\narXiv:2101.00002\n");
        assertEquals(List.of("2101.00001", "2101.00002"), s.ids());
        assertNull(s.papers.get(1).abstractText());
    }

    @Test
    void anInvalidUtf8LineIsSkippedWithItsNumberAndTheOtherRecordsAreKept() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write("Good abstract.\narXiv:2101.00001Broken ".getBytes(StandardCharsets.UTF_8));
        b.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
        b.write(" abstract.\nIts comments\narXiv:2101.00002Next.\narXiv:2101.00003\n".getBytes(StandardCharsets.UTF_8));
        CollectingSink s = CollectingSink.readBytes(reader, b.toByteArray());
        assertEquals(List.of("2101.00001", "2101.00002", "2101.00003"), s.ids());
        assertEquals(List.of("2: invalid UTF-8 at byte 24 of the line; its text is left out"), s.skips);
        assertNull(s.papers.get(1).abstractText());
        assertEquals("Its comments", s.papers.get(1).comments());
        assertEquals("Next.", s.papers.get(2).abstractText());
    }

    @Test
    void aFiftyMegabyteLineIsSkippedAndTheNextRecordIsRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("huge-listing.txt");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("Short.\narXiv:2101.00001".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'a');
            for (int i = 0; i < 50; i++) {
                out.write(chunk);
            }
            out.write("\nComments of the huge one\narXiv:2101.00002After.\narXiv:2101.00003\n".getBytes(StandardCharsets.UTF_8));
        }
        CollectingSink s = new CollectingSink();
        try (InputStream in = Files.newInputStream(file)) {
            new ListingReader(1 << 20, 8 << 20).read(in, s);
        }
        assertEquals(List.of("2101.00001", "2101.00002", "2101.00003"), s.ids());
        assertEquals(List.of("2: line longer than 1048576 bytes (52428816 bytes); its text is left out"), s.skips);
        assertEquals("Comments of the huge one", s.papers.get(1).comments());
        assertEquals("After.", s.papers.get(2).abstractText());
    }

    @Test
    void aRecordPastTheSizeLimitIsSkippedWithItsId() throws Exception {
        String text = "x".repeat(30) + "\n" + "y".repeat(30) + "\narXiv:2101.00001Small.\narXiv:2101.00002\n";
        CollectingSink s = new CollectingSink();
        new ListingReader(100, 50).read(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), s);
        assertEquals(List.of("2101.00002"), s.ids());
        assertEquals(List.of("1: record of arXiv:2101.00001 is longer than 50 characters"), s.skips);
    }

    @Test
    void crLfLineEndingsAndABomAreHandled() throws Exception {
        CollectingSink s = CollectingSink.readText(reader, "\uFEFFAbstract.\r\nComments\r\narXiv:2101.00001\r\n");
        assertEquals("Abstract.", s.papers.get(0).abstractText());
        assertEquals("Comments", s.papers.get(0).comments());
    }
}
