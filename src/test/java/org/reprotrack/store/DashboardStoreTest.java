package org.reprotrack.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reprotrack.check.PaperStatus;

class DashboardStoreTest {

    private Database db;
    private DashboardStore store;
    private OverviewStore overview;
    private ListingStore listing;

    @BeforeEach
    void fill() {
        db = TestDatabases.memory();
        DashboardFixtures.fill(db.dataSource());
        store = new DashboardStore(db.dataSource());
        overview = new OverviewStore(db.dataSource());
        listing = new ListingStore(db.dataSource());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void pagesFollowEachOtherWithoutOverlapAndSayWhenTheyEnd() {
        listing.refresh();
        PaperPage first = store.papers(new PaperQuery(null, null, null, null, PaperSort.ID, 0, 2));
        PaperPage second = store.papers(new PaperQuery(null, null, null, null, PaperSort.ID, 2, 2));
        PaperPage third = store.papers(new PaperQuery(null, null, null, null, PaperSort.ID, 4, 2));
        assertEquals(List.of("2101.00001", "2102.00002"), first.papers().stream().map(PaperListRow::id).toList());
        assertEquals(List.of("2103.00003", "2104.00004"), second.papers().stream().map(PaperListRow::id).toList());
        assertEquals(List.of("hep-th/9901001"), third.papers().stream().map(PaperListRow::id).toList());
        assertTrue(first.hasNext() && second.hasNext());
        assertFalse(third.hasNext());
    }

    @Test
    void statusFilterUsesTheStatusMaterialisedByTheRefresh() {
        assertTrue(store.papers(new PaperQuery(null, PaperStatus.CODE_GONE, null, null, PaperSort.ID, 0, 10)).papers().isEmpty(),
                "nothing is materialised before the first refresh");
        assertEquals(5, listing.refresh());
        assertEquals(0, listing.refresh(), "a second refresh writes nothing");
        PaperPage gone = store.papers(new PaperQuery(null, PaperStatus.CODE_GONE, null, null, PaperSort.ID, 0, 10));
        assertEquals(List.of("2102.00002"), gone.papers().stream().map(PaperListRow::id).toList());
        assertEquals(PaperStatus.CODE_GONE, gone.papers().get(0).status());
    }

    @Test
    void overviewCountsPapersAndReplaysTheDailyShare() {
        listing.refresh();
        Overview o = overview.overview(LocalDate.parse("2026-01-13"));
        assertEquals(5, o.papers());
        assertEquals(4, o.papersWithCodeLinks());
        assertEquals(3, o.count(PaperStatus.HAS_CODE));
        assertEquals(List.of(new DailyShare(LocalDate.parse("2026-01-10"), 4, 4), new DailyShare(LocalDate.parse("2026-01-11"), 4, 4),
                new DailyShare(LocalDate.parse("2026-01-12"), 4, 3), new DailyShare(LocalDate.parse("2026-01-13"), 4, 3)), o.daily());
        assertEquals(List.of("github.com"), o.hosts());
    }

    @Test
    void repositoryHistoryIsNewestFirstAndTheTimelineKeepsOnlyChanges() {
        long beta = store.repo("GitHub.com/Lab/Beta").orElseThrow().id();
        List<HistoryRow> all = store.history(beta, false, 0, 10);
        assertEquals(List.of("NOT_FOUND", "OK"), all.stream().map(HistoryRow::status).toList());
        long alpha = store.repo("github.com/lab/alpha").orElseThrow().id();
        assertEquals(1, store.history(alpha, true, 0, 10).size());
        assertEquals(List.of("lab/gamma-new"), List.copyOf(store.moves(store.repo("github.com/lab/gamma").orElseThrow().id()).keySet()));
    }
}
