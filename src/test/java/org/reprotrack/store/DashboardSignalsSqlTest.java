package org.reprotrack.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The dashboard's signal queries (filters, per-paper score, score distribution) over the refreshed listing, on H2 and on PostgreSQL alike. */
class DashboardSignalsSqlTest extends OnBothDatabases {

    private static final Instant NOW = DashboardFixtures.T0.plus(Duration.ofDays(3));

    private static List<String> ids(DashboardStore store, Integer minScore, boolean placeholder, boolean promise) {
        return store.papers(new PaperQuery(null, null, null, null, minScore, placeholder,
                promise ? NOW.minus(Duration.ofDays(90)) : null, PaperSort.ID, 0, 100)).papers().stream().map(PaperListRow::id).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void filters_scores_and_distribution(String kind) {
        try (Database db = open(kind)) {
            DashboardFixtures.fill(db.dataSource());
            DashboardFixtures.signals(db.dataSource());
            new ListingStore(db.dataSource()).refresh();
            DashboardStore store = new DashboardStore(db.dataSource());
            assertEquals(List.of("2101.00001", "hep-th/9901001"), ids(store, 3, false, false));
            assertEquals(List.of("2104.00004"), ids(store, null, true, false));
            assertEquals(List.of("2104.00004"), ids(store, null, false, true));
            assertEquals(List.of(), ids(store, 1, true, true));
            assertEquals(new SignalStore(db.dataSource()).promisesNotKept(NOW, 90).stream().map(BrokenPromise::paperId).distinct().toList(),
                    ids(store, null, false, true));
            Map<String, PaperListRow> rows = new java.util.HashMap<>();
            store.papers(new PaperQuery(null, null, null, null, PaperSort.ID, 0, 100)).papers().forEach(p -> rows.put(p.id(), p));
            assertEquals(3, rows.get("2101.00001").checklistScore());
            assertEquals(0, rows.get("2104.00004").checklistScore());
            assertEquals(true, rows.get("2104.00004").placeholder());
            assertEquals(null, rows.get("2102.00002").checklistScore());
            assertEquals(null, rows.get("2103.00003").checklistScore());
            assertEquals(3, store.signals("github.com/Lab/Alpha").orElseThrow().score());
            assertEquals(Map.of(0, 1, 3, 2), new OverviewStore(db.dataSource()).overview(LocalDate.ofInstant(NOW, ZoneOffset.UTC)).papersByScore());
        }
    }
}
