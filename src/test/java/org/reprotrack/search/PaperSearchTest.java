package org.reprotrack.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprotrack.check.PaperStatus;
import org.reprotrack.store.DashboardFixtures;
import org.reprotrack.store.DashboardStore;
import org.reprotrack.store.Database;
import org.reprotrack.store.ListingStore;
import org.reprotrack.store.PaperListRow;
import org.reprotrack.store.PaperQuery;
import org.reprotrack.store.PaperSort;
import org.reprotrack.store.TestDatabases;

/** The search index kept in step with the store's listing, and answering as the list does. */
class PaperSearchTest {

    private static void sql(DataSource ds, String statement) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> found(PaperSearch search, String text, @Nullable PaperStatus status) {
        return search.search(new PaperQuery(text, status, null, null, PaperSort.ID, 0, 100)).paperIds();
    }

    @Test
    void aNewIndexTakesTheWholeListingThenOnlyWhatChanged() {
        try (Database db = TestDatabases.memory(); PaperSearch search = new PaperSearch(PaperSearchIndex.open(null),
                new ListingStore(db.dataSource()))) {
            DashboardFixtures.fill(db.dataSource());
            ListingStore listing = new ListingStore(db.dataSource());
            listing.refresh();
            assertEquals(5, search.sync());
            assertEquals(0, search.sync(), "nothing changed since");
            assertEquals(List.of("2101.00001", "hep-th/9901001"), found(search, "alpha", PaperStatus.HAS_CODE));

            sql(db.dataSource(), "UPDATE repo SET status = 'NOT_FOUND' WHERE repo_key = 'github.com/lab/alpha'");
            sql(db.dataSource(), "UPDATE paper SET title = 'Renamed by the arXiv API' WHERE id = '2103.00003'");
            listing.refresh();
            assertEquals(3, search.sync(), "the two papers of alpha and the retitled one");
            assertEquals(List.of(), found(search, "alpha", PaperStatus.HAS_CODE));
            assertEquals(List.of("2101.00001", "hep-th/9901001"), found(search, "alpha", PaperStatus.CODE_GONE));
            assertEquals(List.of("2103.00003"), found(search, "renamed arxiv", null));
        }
    }

    @Test
    void anIndexBuiltFromAnotherDatabaseStartsOver(@TempDir Path dir) {
        try (Database first = TestDatabases.memory()) {
            DashboardFixtures.fill(first.dataSource());
            sql(first.dataSource(), "UPDATE paper SET title = 'Zebra finches' WHERE id = '2103.00003'");
            ListingStore listing = new ListingStore(first.dataSource());
            listing.refresh();
            try (PaperSearch search = new PaperSearch(PaperSearchIndex.open(dir), listing)) {
                search.sync();
                assertEquals(List.of("2103.00003"), found(search, "zebra", null));
            }
        }
        try (Database second = TestDatabases.memory()) {
            DashboardFixtures.fill(second.dataSource());
            ListingStore listing = new ListingStore(second.dataSource());
            listing.refresh();
            try (PaperSearch search = new PaperSearch(PaperSearchIndex.open(dir), listing)) {
                assertEquals(5, search.sync(), "rebuilt from this database");
                assertEquals(List.of(), found(search, "zebra", null), "nothing of the other database is left");
            }
        }
    }

    @Test
    void searchAndListAgreeOnEveryFilterAndOrder() {
        try (Database db = TestDatabases.memory(); PaperSearch search = new PaperSearch(PaperSearchIndex.open(null),
                new ListingStore(db.dataSource()))) {
            DashboardFixtures.fill(db.dataSource());
            sql(db.dataSource(), "UPDATE paper SET title = title || ' study'");
            new ListingStore(db.dataSource()).refresh();
            search.sync();
            DashboardStore store = new DashboardStore(db.dataSource());
            List<PaperStatus> statuses = new ArrayList<>(Arrays.asList(PaperStatus.values()));
            statuses.add(null);
            int compared = 0;
            for (PaperSort sort : PaperSort.values()) {
                for (PaperStatus status : statuses) {
                    for (Integer year : Arrays.asList(null, 1999, 2021, 2022)) {
                        for (String host : Arrays.asList(null, "github.com", "gitlab.com")) {
                            for (int offset : new int[] {0, 2}) {
                                PaperQuery list = new PaperQuery(null, status, host, year, sort, offset, 2);
                                PaperQuery text = new PaperQuery("study", status, host, year, sort, offset, 2);
                                var page = store.papers(list);
                                var hits = search.search(text);
                                assertEquals(page.papers().stream().map(PaperListRow::id).toList(), hits.paperIds(), list.toString());
                                assertEquals(page.hasNext(), hits.hasNext(), list.toString());
                                compared++;
                            }
                        }
                    }
                }
            }
            assertEquals(5 * (PaperStatus.values().length + 1) * 4 * 3 * 2, compared);
        }
    }
}
