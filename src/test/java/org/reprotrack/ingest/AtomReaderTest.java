package org.reprotrack.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprotrack.paper.Paper;

class AtomReaderTest {

    private final AtomReader reader = new AtomReader();

    @Test
    void readsEntriesWithAllFields() throws Exception {
        CollectingSink s = CollectingSink.read(reader, "feed.xml");
        assertEquals(List.of(), s.skips);
        assertEquals(List.of("2108.08728", "hep-th/9901001"), s.ids());
        Paper p = s.papers.get(0);
        assertEquals(1, p.version());
        assertEquals("Toy Attention for Small Things", p.title());
        assertEquals("A made-up summary. Code: https://github.com/example/toy-attention", p.abstractText());
        assertEquals("Accepted to a workshop & more", p.comments());
        assertEquals("Ada Lovelace, Grace Hopper", p.authors());
        assertEquals("cs.CV cs.LG", p.categories());
        assertEquals(Instant.parse("2021-08-19T17:59:59Z"), p.published());
        assertEquals(Instant.parse("2021-08-19T17:59:59Z"), p.updated());
    }

    @Test
    void readsOldStyleIdsFromTheEntryUrl() throws Exception {
        Paper p = CollectingSink.read(reader, "feed.xml").papers.get(1);
        assertEquals("hep-th/9901001", p.id());
        assertEquals(2, p.version());
        assertEquals("Strings über alles", p.title());
        assertNull(p.comments());
    }

    @Test
    void reportsTotalResultsForPaging() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/ingest/feed.xml")) {
            AtomReader.FeedSummary summary = reader.readFeed(in, new CollectingSink());
            assertEquals(2L, summary.totalResults());
            assertEquals(2, summary.entries());
        }
    }

    @Test
    void anApiErrorEntryIsSkippedWithArxivsMessage() throws Exception {
        CollectingSink s = CollectingSink.read(reader, "feed-error.xml");
        assertEquals(List.of(), s.papers);
        assertEquals(List.of("5: arXiv API error: incorrect id format for 1234.bad"), s.skips);
    }

    @Test
    void aTruncatedFeedIsAnInputExceptionAfterTheCompleteEntries() throws Exception {
        CollectingSink s = new CollectingSink();
        InputException e;
        try (InputStream in = getClass().getResourceAsStream("/ingest/feed-truncated.xml")) {
            e = assertThrows(InputException.class, () -> reader.read(in, s));
        }
        assertEquals(List.of("2108.08728"), s.ids());
        assertTrue(e.reason().startsWith("malformed XML ("), e.reason());
        assertTrue(e.line() > 0);
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    }

    @Test
    void externalEntitiesAreNeverResolved() throws Exception {
        CollectingSink s = new CollectingSink();
        try (InputStream in = getClass().getResourceAsStream("/ingest/feed-xxe.xml")) {
            reader.read(in, s);
        } catch (InputException e) {
            return; // refusing the entity is fine
        }
        assertTrue(s.papers.isEmpty() || s.papers.get(0).title() == null || s.papers.get(0).title().isEmpty(),
                "entity must not be expanded: " + s.papers);
    }

    @Test
    void anEmptyInputIsAnInputException() {
        assertThrows(InputException.class, () -> CollectingSink.readText(reader, ""));
    }

    @Test
    void anotherXmlDocumentIsNotAFeed() {
        InputException e = assertThrows(InputException.class, () -> CollectingSink.readText(reader, "<html><body/></html>"));
        assertEquals("not an Atom feed: the root element is <html>", e.reason());
    }

    @Test
    void binaryGarbageIsAnInputException() {
        assertThrows(InputException.class, () -> CollectingSink.readBytes(reader, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2}));
    }

    @Test
    void thePrimaryCategoryComesFirstWhereverTheFeedListsIt() throws Exception {
        String feed = """
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">
                <entry><id>http://arxiv.org/abs/2301.00001v1</id><title>T</title><summary>S</summary>
                <published>2023-01-01T00:00:00Z</published>
                <category term="cs.AI" scheme="http://arxiv.org/schemas/atom"/>
                <category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
                <arxiv:primary_category term="cs.LG" scheme="http://arxiv.org/schemas/atom"/>
                <category term="stat.ML" scheme="http://arxiv.org/schemas/atom"/>
                </entry></feed>""";
        Paper p = CollectingSink.readText(reader, feed).papers.get(0);
        assertEquals("cs.LG cs.AI stat.ML", p.categories());
    }
}
