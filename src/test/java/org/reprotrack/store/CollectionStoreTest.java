package org.reprotrack.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reprotrack.check.PaperStatus;

/** Collections, their scoped lists and overview, and audit priority, on H2 and on PostgreSQL alike. */
class CollectionStoreTest extends OnBothDatabases {

    private static final Instant NOW = DashboardFixtures.T0.plusSeconds(86_400 * 3);

    private static void sql(DataSource ds, String statement) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> ids(PaperPage page) {
        return page.papers().stream().map(PaperListRow::id).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void a_collection_is_created_added_to_replaced_listed_and_removed_without_touching_papers(String kind) {
        try (Database db = open(kind)) {
            DashboardFixtures.fill(db.dataSource());
            CollectionStore store = new CollectionStore(db.dataSource());

            CollectionStore.Added first = store.add("chairs", "file a.csv", List.of("2101.00001", "2102.00002", "2405.01234"), false, NOW);
            assertEquals(new CollectionStore.Added(first.collectionId(), true, 3, 0, 0), first);
            CollectionStore.Added second = store.add("chairs", "file b.csv", List.of("2102.00002", "2104.00004"), false, NOW);
            assertEquals(new CollectionStore.Added(first.collectionId(), false, 1, 1, 0), second);
            store.add("lab", "file c.csv", List.of("2102.00002"), false, NOW);

            List<CollectionRow> rows = store.list();
            assertEquals(List.of("chairs", "lab"), rows.stream().map(CollectionRow::name).toList());
            assertEquals(4, rows.get(0).papers());
            assertEquals(3, rows.get(0).tracked(), "2405.01234 is not ingested");
            assertEquals("file b.csv", rows.get(0).source());
            assertEquals(Set.of("2102.00002"), store.paperIds(rows.get(1).id()), "a paper belongs to many collections");

            CollectionStore.Added replaced = store.add("chairs", "file d.csv", List.of("2104.00004"), true, NOW);
            assertEquals(3, replaced.removed());
            assertEquals(Set.of("2104.00004"), store.paperIds(first.collectionId()));

            assertTrue(store.remove("chairs"));
            assertFalse(store.remove("chairs"));
            assertTrue(store.find("chairs").isEmpty());
            assertEquals(Set.of("2102.00002"), store.paperIds(rows.get(1).id()));
            assertEquals(Set.of("2101.00001", "2104.00004"), store.tracked(List.of("2101.00001", "2104.00004", "2405.01234")));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void the_paper_list_and_overview_of_a_collection_hold_only_its_papers(String kind) {
        try (Database db = open(kind)) {
            DashboardFixtures.fill(db.dataSource());
            new ListingStore(db.dataSource()).refresh();
            CollectionStore store = new CollectionStore(db.dataSource());
            long id = store.add("chairs", "test", List.of("2101.00001", "2102.00002", "2103.00003", "2405.01234"), false, NOW).collectionId();
            DashboardStore dashboard = new DashboardStore(db.dataSource());

            assertEquals(List.of("2101.00001", "2102.00002", "2103.00003"),
                    ids(dashboard.papers(new PaperQuery(null, null, null, null, PaperSort.ID, 0, 100), id)));
            assertEquals(List.of("2102.00002"),
                    ids(dashboard.papers(new PaperQuery(null, PaperStatus.CODE_GONE, null, null, PaperSort.ID, 0, 100), id)));
            assertEquals(List.of("2101.00001"),
                    ids(dashboard.papers(new PaperQuery(null, PaperStatus.HAS_CODE, "github.com", 2021, PaperSort.ID, 0, 100), id)));
            PaperPage first = dashboard.papers(new PaperQuery(null, null, null, null, PaperSort.PUBLISHED_DESC, 0, 2), id);
            assertEquals(List.of("2103.00003", "2102.00002"), ids(first));
            assertTrue(first.hasNext());
            assertEquals(5, dashboard.papers(new PaperQuery(null, null, null, null, PaperSort.ID, 0, 100)).papers().size(),
                    "without a collection the list is unchanged");

            CollectionStore.Overview o = store.overview(id);
            assertEquals(4, o.members());
            assertEquals(3, o.tracked());
            assertEquals(Map.of(PaperStatus.HAS_CODE, 1, PaperStatus.CODE_GONE, 1, PaperStatus.NO_CODE_LINK, 1), o.papers());
            assertEquals(Map.of("OK", 1, "NOT_FOUND", 1), o.repos());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void a_filter_lists_every_paper_the_dashboard_shows_for_it(String kind) {
        try (Database db = open(kind)) {
            DashboardFixtures.fill(db.dataSource());
            new ListingStore(db.dataSource()).refresh();
            CollectionStore store = new CollectionStore(db.dataSource());
            assertEquals(List.of("2102.00002"), store.matching(new PaperQuery(null, PaperStatus.CODE_GONE, null, null, PaperSort.ID, 0, 1)));
            assertEquals(List.of("2101.00001", "2102.00002"), store.matching(new PaperQuery(null, null, "github.com", 2021, PaperSort.ID, 0, 1)));
            assertEquals(5, store.matching(new PaperQuery(null, null, null, null, PaperSort.ID, 0, 1)).size());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void repositories_of_a_priority_collection_are_planned_first(String kind) {
        try (Database db = open(kind)) {
            DashboardFixtures.fill(db.dataSource());
            // alpha (1) most overdue, then beta (2), then gamma (3)
            sql(db.dataSource(), "UPDATE repo SET next_check = TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + id * INTERVAL '1' HOUR");
            AuditStore audit = new AuditStore(db.dataSource());
            CollectionStore store = new CollectionStore(db.dataSource());
            store.add("chairs", "test", List.of("2104.00004"), false, NOW);
            assertEquals(List.of(1L, 2L, 3L), audit.planDue(NOW, false, 10).stream().map(AuditStore.Planned::id).toList(),
                    "a collection without priority changes nothing");

            assertTrue(store.setPriority("chairs", true));
            assertEquals(List.of(3L, 1L, 2L), audit.planDue(NOW, false, 10).stream().map(AuditStore.Planned::id).toList());
            assertEquals(List.of(3L), audit.planDue(NOW, false, 1).stream().map(AuditStore.Planned::id).toList(),
                    "when the budget is short the collection's repository is the one checked");
            assertTrue(store.find("chairs").orElseThrow().priority());

            assertTrue(store.setPriority("chairs", false));
            assertEquals(List.of(1L, 2L, 3L), audit.planDue(NOW, false, 10).stream().map(AuditStore.Planned::id).toList());
            assertFalse(store.setPriority("nobody", true));
        }
    }
}
