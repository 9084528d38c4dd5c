package org.reprotrack.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Software Heritage answers, vulnerable repositories and save requests (V19_1), on H2 and PostgreSQL alike. */
class ArchiveStoreTest extends OnBothDatabases {

    static final Instant T = Instant.parse("2026-01-10T00:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void liveRepositoriesAreAskedOldestFirstAndTheVulnerableOnesListedAndSaved(String kind) throws Exception {
        try (Database db = open(kind)) {
            DashboardFixtures.fill(db.dataSource());
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.execute("UPDATE repo SET pushed_at = TIMESTAMP WITH TIME ZONE '2025-06-01 00:00:00+00' WHERE id = 1");
            }
            ArchiveStore a = new ArchiveStore(db.dataSource());
            assertEquals(List.of("github.com/lab/alpha", "github.com/lab/gamma-new"),
                    a.toAsk(T, 10).stream().map(r -> r.originUrl().replace("https://", "")).toList(), "live only; gamma under its new name");
            a.saveAnswer(1, "https://github.com/lab/alpha", T, true, Instant.parse("2025-01-01T00:00:00Z"));
            assertEquals(List.of(3L), a.toAsk(T, 10).stream().map(ArchiveStore.LiveRepo::id).toList(), "alpha's answer is fresh");
            a.saveAnswer(3, "https://github.com/lab/gamma-new", T.plusSeconds(60), true, Instant.parse("2026-01-09T00:00:00Z"));
            assertEquals(List.of(1L, 3L), a.toAsk(T.plusSeconds(3600), 10).stream().map(ArchiveStore.LiveRepo::id).toList(),
                    "the oldest answer first");
            assertEquals(new ArchiveStore.Counts(1, 0), a.counts(), "alpha pushed after its snapshot; gamma has no push date");
            List<VulnerableRepo> v = a.vulnerable(0, 10);
            assertEquals(List.of("github.com/lab/alpha"), v.stream().map(VulnerableRepo::key).toList());
            assertNull(v.get(0).save());

            assertEquals(List.of(1L), a.toSave(T, 10).stream().map(ArchiveStore.LiveRepo::id).toList());
            long id = a.addSave(1, "https://github.com/lab/alpha", 77L, T, "accepted", "not yet scheduled", null, false);
            assertTrue(a.toSave(T.minusSeconds(86_400 * 60), 10).isEmpty(), "an open request is not sent twice");
            assertEquals(77L, a.open(10).get(0).swhId());
            a.updateSave(id, "accepted", "succeeded", T.plusSeconds(7200), "swh:1:snp:abc", null, T.plusSeconds(7300), true);
            assertTrue(a.open(10).isEmpty());
            SaveRequest s = a.vulnerable(0, 10).get(0).save();
            assertEquals("swh:1:snp:abc", s.snapshotSwhid());
            assertEquals(T.plusSeconds(7200), s.visitDate());
            assertTrue(a.toSave(T.plusSeconds(86_400).minus(java.time.Duration.ofDays(30)), 10).isEmpty(), "not again within 30 days");
            assertEquals(1, a.toSave(T.plusSeconds(86_400 * 31).minus(java.time.Duration.ofDays(30)), 10).size(), "but after them");
        }
    }
}
