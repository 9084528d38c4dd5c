package org.reprotrack.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FormatDetectorTest {

    @TempDir
    Path dir;

    private Path copy(String resource, String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/ingest/" + resource)) {
            Files.copy(in, file);
        }
        return file;
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void detectsEachFormatFromContentWhateverTheExtension() throws Exception {
        assertEquals(InputFormat.LISTING, FormatDetector.detect(copy("listing.txt", "a.dat")));
        assertEquals(InputFormat.LISTING, FormatDetector.detect(copy("listing-no-final-newline.txt", "b.dat")));
        assertEquals(InputFormat.JSONL, FormatDetector.detect(copy("metadata.jsonl", "c.txt")));
        assertEquals(InputFormat.ATOM, FormatDetector.detect(copy("feed.xml", "d.txt")));
        assertEquals(InputFormat.URLS, FormatDetector.detect(copy("urls.csv", "e.txt")));
        assertEquals(InputFormat.URLS, FormatDetector.detect(copy("urls-bare.txt", "f.dat")));
        assertEquals(InputFormat.URLS, FormatDetector.detect(copy("urls-whitespace.txt", "g.dat")));
    }

    @Test
    void aFeedWithoutXmlDeclarationIsAtom() throws Exception {
        assertEquals(InputFormat.ATOM, FormatDetector.detect(write("f", "\n<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>")));
    }

    @Test
    void theExtensionBreaksTiesWhenContentSaysNothing() throws Exception {
        assertEquals(InputFormat.LISTING, FormatDetector.detect(copy("listing-no-ids.txt", "no-ids.txt")));
        assertEquals(InputFormat.URLS, FormatDetector.detect(write("x.csv", "hello\n")));
        InputException e = assertThrows(InputException.class, () -> FormatDetector.detect(write("x.bin", "hello\n")));
        assertTrue(e.reason().startsWith("unknown format"), e.reason());
    }

    @Test
    void anEmptyFileIsAnInputException() throws Exception {
        InputException e = assertThrows(InputException.class, () -> FormatDetector.detect(write("empty.txt", "")));
        assertEquals("empty file", e.reason());
        assertEquals(0, e.line());
        assertEquals("empty file", assertThrows(InputException.class,
                () -> FormatDetector.detect(write("blank.txt", "\uFEFF \n\n"))).reason());
    }

    @Test
    void binaryGarbageIsAnInputException() throws Exception {
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        Path file = Files.write(dir.resolve("noise.txt"), noise);
        assertEquals("binary file, not text", assertThrows(InputException.class, () -> FormatDetector.detect(file)).reason());
        byte[] noNul = noise.clone();
        for (int i = 0; i < noNul.length; i++) {
            noNul[i] = noNul[i] == 0 ? (byte) 0x80 : noNul[i];
        }
        Path file2 = Files.write(dir.resolve("noise2.txt"), noNul);
        assertEquals("binary file, not text", assertThrows(InputException.class, () -> FormatDetector.detect(file2)).reason());
    }

    @Test
    void htmlIsNotAnAtomFeed() throws Exception {
        InputException e = assertThrows(InputException.class, () -> FormatDetector.detect(write("page.xml", "<!doctype html><html></html>")));
        assertTrue(e.reason().contains("not an Atom feed"), e.reason());
    }

    @Test
    void autoHasNoReaderButEveryOtherFormatHasOne() {
        assertThrows(IllegalStateException.class, InputFormat.AUTO::reader);
        assertTrue(InputFormat.LISTING.reader() instanceof ListingReader);
        assertTrue(InputFormat.JSONL.reader() instanceof JsonLinesReader);
        assertTrue(InputFormat.ATOM.reader() instanceof AtomReader);
        assertTrue(InputFormat.URLS.reader() instanceof UrlListReader);
    }
}
