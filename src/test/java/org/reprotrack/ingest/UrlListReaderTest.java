package org.reprotrack.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprotrack.paper.Paper;

class UrlListReaderTest {

    private final UrlListReader reader = new UrlListReader();

    @Test
    void csvRowsForOnePaperBecomeOnePaperWithUrlsInOrder() throws Exception {
        CollectingSink s = CollectingSink.read(reader, "urls.csv");
        assertEquals(List.of(), s.skips);
        assertEquals(List.of("2108.08728", "2108.08839", "hep-th/9901001"), s.ids());
        assertEquals(List.of("https://github.com/example/one", "https://github.com/example/two"), s.papers.get(0).listedUrls());
        assertNull(s.papers.get(0).abstractText());
    }

    @Test
    void quotedCsvFieldsMayHoldCommasAndIdsMayHavePrefixAndVersion() throws Exception {
        Paper p = CollectingSink.read(reader, "urls.csv").papers.get(1);
        assertEquals(2, p.version());
        assertEquals(List.of("https://example.org/data?a=1,b=2"), p.listedUrls());
    }

    @Test
    void idAndUrlMaybeSeparatedByTabOrSpaces() throws Exception {
        CollectingSink s = CollectingSink.read(reader, "urls-whitespace.txt");
        assertEquals(List.of("2108.08728", "2108.08839"), s.ids());
        assertEquals(List.of("https://huggingface.co/org/model"), s.papers.get(1).listedUrls());
    }

    @Test
    void bareUrlsBelongToThePaperOfTheArxivUrlBeforeThem() throws Exception {
        CollectingSink s = CollectingSink.read(reader, "urls-bare.txt");
        assertEquals(List.of("1: " + UrlListReader.NO_PAPER_ID), s.skips);
        assertEquals(List.of("2108.08728", "hep-th/9901001"), s.ids());
        assertEquals(1, s.papers.get(0).version());
        assertEquals(List.of("https://github.com/example/one", "github.com/example/two"), s.papers.get(0).listedUrls());
        assertEquals(List.of("https://gitlab.com/g/p"), s.papers.get(1).listedUrls());
    }

    @Test
    void badRowsAreSkippedWithReasonsAndTheRestIsRead() throws Exception {
        CollectingSink s = CollectingSink.read(reader, "urls-bad.csv");
        assertEquals(List.of("2108.08728", "2108.08839"), s.ids());
        assertEquals(List.of("https://github.com/example/one"), s.papers.get(0).listedUrls());
        assertEquals(List.of(
                "3: no URL after the paper id",
                "4: " + UrlListReader.NO_PAPER_ID,
                "5: paper id is not an arXiv id (like 2108.08728 or hep-th/9901001): DOI-123",
                "6: not a URL: not a url",
                "7: a quoted field is not closed",
                "8: expected paper_id,url but found 3 fields (quote a URL that holds a comma)",
                "9: no URL after the paper id"), s.skips);
    }

    @Test
    void rowsOfOnePaperThatAreNotAdjacentGiveTwoPapers() throws Exception {
        CollectingSink s = CollectingSink.readText(reader, "2101.00001,https://a.example/1\n2101.00002,https://a.example/2\n2101.00001,https://a.example/3");
        assertEquals(List.of("2101.00001", "2101.00002", "2101.00001"), s.ids());
    }

    @Test
    void anEmailAddressIsNotAUrl() throws Exception {
        CollectingSink s = CollectingSink.readText(reader, "2101.00001,someone@example.org\n");
        assertEquals(List.of("1: not a URL: someone@example.org"), s.skips);
    }

    @Test
    void invalidUtf8SkipsThatLine() throws Exception {
        byte[] bytes = "2101.00001,https://a.example/\u00e9\n2101.00002,https://b.example/\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        CollectingSink s = CollectingSink.readBytes(reader, bytes);
        assertEquals(List.of("2101.00002"), s.ids());
        assertEquals(List.of("1: invalid UTF-8 at byte 30 of the line"), s.skips);
    }

    @Test
    void anEmptyListGivesNothing() throws Exception {
        CollectingSink s = CollectingSink.readText(reader, "");
        assertEquals(List.of(), s.papers);
        assertEquals(List.of(), s.skips);
    }

    @Test
    void thePapersOwnArxivPageNamesThePaperWithoutBeingALink() throws Exception {
        CollectingSink s = CollectingSink.read(reader, "urls-own-page.csv");
        assertEquals(List.of("2108.07794", "2108.08728", "2108.08839"), s.ids());
        assertEquals(List.of(), s.papers.get(0).listedUrls());
        assertEquals(List.of("https://github.com/raoyongming/CAL"), s.papers.get(1).listedUrls());
        assertEquals(List.of("https://arxiv.org/abs/2108.05818"), s.papers.get(2).listedUrls(), "another paper's page is a link");
    }
}
