package org.reprotrack.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reprotrack.check.PaperStatus;

/** The materialised paper listing and its facets, on H2 and on PostgreSQL alike. */
class ListingStoreTest extends OnBothDatabases {

    private static List<String> ids(DashboardStore store, PaperStatus status, String host, Integer year, PaperSort sort) {
        return store.papers(new PaperQuery(null, status, host, year, sort, 0, 100)).papers().stream().map(PaperListRow::id).toList();
    }

    private static void sql(DataSource ds, String statement) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void everyCombinationOfStatusYearAndHostIsOneFilteredOrderedList(String kind) {
        try (Database db = open(kind)) {
            DashboardFixtures.fill(db.dataSource());
            sql(db.dataSource(), "INSERT INTO repo (id, repo_key, host, path, first_seen, status) VALUES "
                    + "(9, 'gitlab.com/lab/delta', 'GITLAB', 'lab/delta', TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00', 'OK')");
            sql(db.dataSource(), "INSERT INTO link (paper_id, position, url, kind, host, repo_id, context, promised, in_comments) VALUES "
                    + "('2104.00004', 1, 'https://gitlab.com/lab/delta', 'code', 'gitlab.com', 9, '', FALSE, FALSE)");
            assertEquals(5, new ListingStore(db.dataSource()).refresh());
            DashboardStore store = new DashboardStore(db.dataSource());

            assertEquals(List.of("2101.00001", "2102.00002", "2103.00003", "2104.00004", "hep-th/9901001"),
                    ids(store, null, null, null, PaperSort.ID));
            assertEquals(List.of("hep-th/9901001", "2104.00004", "2103.00003", "2102.00002", "2101.00001"),
                    ids(store, null, null, null, PaperSort.ID_DESC));
            assertEquals(List.of("2104.00004", "2103.00003", "2102.00002", "2101.00001", "hep-th/9901001"),
                    ids(store, null, null, null, PaperSort.PUBLISHED_DESC));
            assertEquals(List.of("2101.00001", "2104.00004", "hep-th/9901001"), ids(store, PaperStatus.HAS_CODE, null, null, PaperSort.ID));
            assertEquals(List.of("2104.00004"), ids(store, null, "gitlab.com", null, PaperSort.ID));
            assertEquals(List.of("2104.00004"), ids(store, null, "GitLab.com", 2022, PaperSort.ID), "hosts compare in lower case");
            assertEquals(List.of("2101.00001", "2102.00002"), ids(store, null, "github.com", 2021, PaperSort.PUBLISHED));
            assertEquals(List.of("2102.00002"), ids(store, PaperStatus.CODE_GONE, "github.com", 2021, PaperSort.STATUS));
            assertEquals(List.of(), ids(store, PaperStatus.CODE_GONE, "gitlab.com", null, PaperSort.ID));
            assertEquals(List.of("2103.00003"), ids(store, PaperStatus.NO_CODE_LINK, null, 2022, PaperSort.ID));
            assertEquals(List.of("2102.00002", "2101.00001", "2104.00004", "hep-th/9901001", "2103.00003"),
                    ids(store, null, null, null, PaperSort.STATUS), "CODE_GONE < HAS_CODE < NO_CODE_LINK, then by id");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aRefreshMovesOnlyThePapersWhoseRepositoryChangedUnderANewVersion(String kind) {
        try (Database db = open(kind)) {
            DashboardFixtures.fill(db.dataSource());
            ListingStore listing = new ListingStore(db.dataSource());
            DashboardStore store = new DashboardStore(db.dataSource());
            listing.refresh();
            long first = listing.version();
            assertEquals(0, listing.refresh(), "nothing changed");
            assertEquals(first, listing.version(), "a refresh that changes nothing keeps the version");

            sql(db.dataSource(), "UPDATE repo SET status = 'NOT_FOUND' WHERE repo_key = 'github.com/lab/alpha'");
            assertEquals(2, listing.refresh(), "the two papers linking alpha");
            assertTrue(listing.version() > first);
            assertEquals(List.of("2101.00001", "2102.00002", "hep-th/9901001"), ids(store, PaperStatus.CODE_GONE, null, null, PaperSort.ID));
            assertEquals(List.of("2104.00004"), ids(store, PaperStatus.HAS_CODE, "github.com", null, PaperSort.ID));

            List<ListedPaper> changed = new ArrayList<>();
            listing.changed(first, listing.version(), changed::addAll);
            assertEquals(List.of("2101.00001", "hep-th/9901001"), changed.stream().map(p -> p.listing().paperId()).sorted().toList());
            ListedPaper alpha = changed.stream().filter(p -> p.listing().paperId().equals("2101.00001")).findFirst().orElseThrow();
            assertEquals(List.of("github.com/lab/alpha"), alpha.repoKeys());
            assertEquals(DashboardFixtures.ABSTRACT, alpha.abstractText());
            assertEquals(List.of("github.com"), alpha.listing().hosts());
            assertEquals(PaperStatus.CODE_GONE, alpha.listing().status());

            List<ListedPaper> all = new ArrayList<>();
            listing.changed(0, listing.version(), all::addAll);
            assertEquals(5, all.size(), "from version 0: every paper");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void anEnrichedTitleOrDateChangesTheListing(String kind) {
        try (Database db = open(kind)) {
            DashboardFixtures.fill(db.dataSource());
            ListingStore listing = new ListingStore(db.dataSource());
            listing.refresh();
            String id = listing.storeId();
            sql(db.dataSource(), "UPDATE paper SET title = 'A new title' WHERE id = '2103.00003'");
            assertEquals(1, listing.refresh());
            sql(db.dataSource(), "UPDATE paper SET published = TIMESTAMP WITH TIME ZONE '2023-03-05 00:00:00+00' WHERE id = '2103.00003'");
            assertEquals(1, listing.refresh());
            DashboardStore store = new DashboardStore(db.dataSource());
            assertEquals(List.of("2103.00003"), ids(store, null, null, 2023, PaperSort.ID));
            assertEquals(List.of("2104.00004"), ids(store, null, null, 2022, PaperSort.ID), "the old year's facet is gone");
            assertEquals(id, listing.storeId(), "the store id is chosen once");
        }
    }
}
