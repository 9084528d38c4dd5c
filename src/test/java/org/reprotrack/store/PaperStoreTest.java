package org.reprotrack.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reprotrack.links.CodeHost;
import org.reprotrack.links.Link;
import org.reprotrack.links.LinkKind;
import org.reprotrack.links.RepoRef;
import org.reprotrack.paper.Paper;

class PaperStoreTest {

    private final Database db = TestDatabases.memory();
    private final PaperStore store = new PaperStore(db.dataSource(), Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    /** One code link per "gh:owner/name" token in the text, and one other link per "web:host" token. */
    private static final Function<Paper, List<Link>> LINKER = paper -> {
        List<Link> links = new ArrayList<>();
        String text = (paper.abstractText() == null ? "" : paper.abstractText()) + " " + String.join(" ", paper.listedUrls());
        for (String word : text.split("\\s+")) {
            if (word.startsWith("gh:")) {
                links.add(new Link(word, LinkKind.CODE, "github.com", new RepoRef(CodeHost.GITHUB, word.substring(3)), text, false, false));
            } else if (word.startsWith("web:")) {
                links.add(new Link(word, LinkKind.OTHER, word.substring(4), null, text, false, false));
            }
        }
        return links;
    };

    @AfterEach
    void close() {
        db.close();
    }

    private IngestCounts ingest(String source, Paper... papers) {
        try (PaperWriter w = store.openWriter(source, LINKER)) {
            for (Paper p : papers) {
                w.write(p);
            }
            w.commit();
            return w.counts();
        }
    }

    private List<PaperRow> papers() {
        List<PaperRow> rows = new ArrayList<>();
        store.forEachPaper(rows::add);
        return rows;
    }

    private List<LinkRow> links() {
        List<LinkRow> rows = new ArrayList<>();
        store.forEachLink(rows::add);
        return rows;
    }

    @Test
    void newPapersAreCountedAndListedWithTheirLinks() {
        IngestCounts c = ingest("a.txt", Paper.ofText("2108.08728", 1, "Code at gh:Rao/CAL and web:example.org", null));
        assertEquals(1, c.papersNew());
        assertEquals(1, c.codeLinks());
        assertEquals(1, c.otherLinks());
        assertEquals(List.of("github.com/rao/cal", "-"), links().stream().map(l -> l.repoKey() == null ? "-" : l.repoKey()).toList());
        assertEquals(1, papers().get(0).codeLinks());
    }

    @Test
    void reingestingTheSameTextChangesNothing() {
        Paper p = Paper.ofText("2108.08728", 1, "Code at gh:Rao/CAL", "ICCV");
        ingest("a.txt", p);
        IngestCounts again = ingest("a.txt", p);
        assertEquals(0, again.papersNew());
        assertEquals(0, again.papersUpdated());
        assertEquals(1, again.papersUnchanged());
        assertEquals(1, links().size());
    }

    @Test
    void whitespaceOnlyDifferencesAreNotChanges() {
        ingest("a.txt", Paper.ofText("2108.08728", 1, "Code at\ngh:Rao/CAL", null));
        assertEquals(1, ingest("b.json", Paper.ofText("2108.08728", 1, "Code  at gh:Rao/CAL ", null)).papersUnchanged());
    }

    @Test
    void changedAbstractUpdatesThePaperAndReplacesItsLinks() {
        ingest("a.txt", Paper.ofText("2108.08728", 1, "Code at gh:Rao/CAL", null));
        IngestCounts c = ingest("a.txt", Paper.ofText("2108.08728", 2, "Code moved to gh:Rao/CAL2", null));
        assertEquals(1, c.papersUpdated());
        assertEquals(List.of("github.com/rao/cal2"), links().stream().map(LinkRow::repoKey).toList());
        assertEquals(2, papers().get(0).version());
    }

    @Test
    void oneRepositoryRowIsSharedByEveryPaperThatLinksIt() throws Exception {
        ingest("a.txt", Paper.ofText("2101.00001", 1, "gh:Team/Lib", null), Paper.ofText("2101.00002", 1, "gh:team/lib", null));
        try (var c = db.dataSource().getConnection(); var rs = c.createStatement().executeQuery("SELECT COUNT(*), MIN(path) FROM repo")) {
            rs.next();
            assertEquals(1, rs.getInt(1));
            assertEquals("Team/Lib", rs.getString(2), "first spelling kept");
        }
    }

    @Test
    void aFileThatFailsMidwayLeavesTheStoreAsItWas() {
        ingest("a.txt", Paper.ofText("2101.00001", 1, "gh:a/b", null));
        List<PaperRow> before = papers();
        assertThrows(IllegalStateException.class, () -> {
            try (PaperWriter w = store.openWriter("bad.txt", LINKER)) {
                for (int i = 2; i < 1200; i++) { // more than one chunk reaches the database
                    w.write(Paper.ofText(String.format("2101.%05d", i), 1, "gh:x/y" + i, null));
                }
                throw new IllegalStateException("reader broke");
            }
        });
        assertEquals(before, papers());
        assertEquals(1, links().size());
    }

    @Test
    void fieldsASourceDoesNotCarryKeepTheirStoredValues() {
        Instant published = Instant.parse("2021-08-19T17:59:59Z");
        ingest("meta.jsonl", new Paper("2108.08728", 1, "Counterfactual Attention", "gh:a/b", null, "Y. Rao", "cs.CV", published, published, List.of()));
        ingest("list.txt", Paper.ofText("2108.08728", null, "gh:a/b", null));
        PaperRow row = papers().get(0);
        assertEquals("Counterfactual Attention", row.title());
        assertEquals(published, row.published());
        assertEquals(1, row.version());
    }

    @Test
    void urlListRowsAddToTheAbstractLinksAndNeverEraseThem() {
        ingest("a.txt", Paper.ofText("2101.00001", 1, "gh:a/b", null));
        IngestCounts c = ingest("urls.csv", new Paper("2101.00001", null, null, null, null, null, null, null, null, List.of("gh:c/d")));
        assertEquals(1, c.papersUpdated());
        assertEquals(List.of("github.com/a/b", "github.com/c/d"), links().stream().map(LinkRow::repoKey).toList());
    }

    @Test
    void rowsOfOnePaperSplitAcrossAUrlListAreUnited() {
        IngestCounts c = ingest("urls.csv",
                new Paper("2101.00001", null, null, null, null, null, null, null, null, List.of("gh:a/b")),
                new Paper("2101.00002", null, null, null, null, null, null, null, null, List.of("gh:x/y")),
                new Paper("2101.00001", null, null, null, null, null, null, null, null, List.of("gh:c/d")));
        assertEquals(3, c.papersRead());
        assertEquals(List.of("github.com/a/b", "github.com/c/d", "github.com/x/y"), links().stream().map(LinkRow::repoKey).toList());
    }

    @Test
    void enrichmentFillsMetadataAndIsAskedOnlyForUntitledPapers() {
        ingest("a.txt", Paper.ofText("2101.00001", 1, "x", null), Paper.ofText("2101.00002", 1, "y", null), Paper.ofText("2101.00003", 1, "z", null));
        assertEquals(List.of("2101.00001", "2101.00002"), store.idsToEnrich("", 2, 3));
        assertEquals(List.of("2101.00003"), store.idsToEnrich("2101.00002", 2, 3));
        store.applyEnrichment(List.of(new Paper("2101.00001", 3, "A Title", "ignored", null, "A. Author", "cs.LG",
                Instant.parse("2021-01-01T00:00:00Z"), null, List.of())));
        store.recordEnrichAttempt(List.of("2101.00002"));
        store.recordEnrichAttempt(List.of("2101.00002"));
        assertEquals(List.of("2101.00003"), store.idsToEnrich("", 10, 2));
        PaperRow enriched = papers().get(0);
        assertEquals("A Title", enriched.title());
        assertEquals(1, enriched.version(), "the ingested version is kept");
        assertNull(papers().get(1).title());
    }

    @Test
    void aTitledPaperWithoutCategoriesIsAskedForThemToo() {
        ingest("urls.csv", new Paper("2101.00004", null, "Titled", null, null, null, null, null, null, List.of("gh:a/b")),
                new Paper("2101.00005", null, "Titled too", null, null, null, "cs.CV cs.LG", null, null, List.of("gh:c/d")));
        assertEquals(List.of("2101.00004"), store.idsToEnrich("", 10, 3), "issue 16: survival groups by primary category");
    }

    @Test
    void repeatedIdInsideOneChunkIsWrittenInOrder() {
        IngestCounts c = ingest("a.txt", Paper.ofText("2101.00001", 1, "gh:a/b", null), Paper.ofText("2101.00001", 2, "gh:c/d", null));
        assertEquals(1, c.papersNew());
        assertEquals(1, c.papersUpdated());
        assertEquals(List.of("github.com/c/d"), links().stream().map(LinkRow::repoKey).toList());
    }

    @Test
    void anOlderVersionReadLaterDoesNotRollThePaperBack() {
        ingest("snapshot.jsonl", Paper.ofText("2101.00001", 3, "gh:a/b", null));
        IngestCounts c = ingest("old-listing.txt", Paper.ofText("2101.00001", 1, "gh:a/b", null));
        assertEquals(1, c.papersUnchanged());
        assertEquals(3, papers().get(0).version());
    }
}
