package org.reprotrack.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.CurrentStatus;
import org.reprotrack.check.PaperStatus;

/**
 * Keeps {@code paper_listing} and {@code paper_facet} (V9) in step with papers, links, repository
 * statuses and signals. The dashboard calls {@link #refresh()} when the store changed; ingest and
 * audits never write these tables, so they pay nothing for the dashboard's list.
 */
public final class ListingStore {

    private static final int BATCH = 1000;

    /** Papers with their code links, in paper order; the old listing rides along for the comparison. */
    private static final String CURRENT = """
            SELECT p.id, p.published, p.title, p.text_hash,
                   l.host, r.status, r.last_alive, l.promised, s.score,
                   CASE WHEN r.status = 'PLACEHOLDER' OR s.placeholder = TRUE THEN 1 ELSE 0 END,
                   CASE WHEN l.promised AND %s THEN 1 ELSE 0 END,
                   pl.paper_id, pl.code_status, pl.published, pl.hosts, pl.best_score, pl.placeholder, pl.promise_open, pl.text_stamp,
                   p.promised
            FROM paper p
            LEFT JOIN link l ON l.paper_id = p.id AND l.kind = 'code'
            LEFT JOIN repo r ON r.id = l.repo_id
            LEFT JOIN repo_signals s ON s.repo_id = r.id
            LEFT JOIN paper_listing pl ON pl.paper_id = p.id
            ORDER BY p.id""".formatted(SignalStore.PROMISE_NOT_KEPT);

    private final DataSource dataSource;

    public ListingStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The version of the last refresh that changed something (0: never). */
    public long version() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT version FROM listing_state WHERE id = 1");
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("cannot read the listing version: " + e.getMessage(), e);
        }
    }

    /** This database's identity (a UUID chosen on first use), so a search index can tell it was built from another one. */
    public String storeId() {
        return Tx.run(dataSource, "read the store id", c -> {
            try (PreparedStatement st = c.prepareStatement("UPDATE listing_state SET store_id = ? WHERE id = 1 AND store_id IS NULL")) {
                st.setString(1, java.util.UUID.randomUUID().toString());
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("SELECT store_id FROM listing_state WHERE id = 1");
                 ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    /**
     * Recomputes every paper's listing and writes those that changed, under a new version, in one
     * transaction; a concurrent refresh (another node) waits for this one. Returns how many changed.
     */
    public int refresh() {
        try (Connection read = dataSource.getConnection(); Connection write = dataSource.getConnection()) {
            write.setAutoCommit(false);
            read.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try {
                long version = lockVersion(write) + 1;
                int changed;
                try (Writer writer = new Writer(write, version); PreparedStatement st = read.prepareStatement(CURRENT)) {
                    st.setFetchSize(BATCH);
                    try (ResultSet rs = st.executeQuery()) {
                        Pending paper = null;
                        while (rs.next()) {
                            String id = rs.getString(1);
                            if (paper == null || !paper.id.equals(id)) {
                                if (paper != null) {
                                    writer.write(paper.old, paper.now());
                                }
                                paper = new Pending(rs);
                            }
                            paper.add(rs);
                        }
                        if (paper != null) {
                            writer.write(paper.old, paper.now());
                        }
                    }
                    writer.flush();
                    changed = writer.changed;
                }
                if (changed > 0) {
                    try (PreparedStatement st = write.prepareStatement("UPDATE listing_state SET version = ? WHERE id = 1")) {
                        st.setLong(1, version);
                        st.executeUpdate();
                    }
                }
                write.commit();
                return changed;
            } catch (SQLException | RuntimeException e) {
                write.rollback();
                throw e;
            } finally {
                read.rollback();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot refresh the paper listing: " + e.getMessage(), e);
        }
    }

    /**
     * Papers whose listing changed in a refresh after {@code after} up to {@code upTo}, with their
     * text, handed over in batches: what a search index that saw version {@code after} must update.
     */
    public void changed(long after, long upTo, Consumer<List<ListedPaper>> batches) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement st = c.prepareStatement("""
                    SELECT pl.paper_id, pl.code_status, pl.published, pl.hosts, pl.best_score, pl.placeholder, pl.promise_open,
                           pl.text_stamp, p.title, p.abstract_text
                    FROM paper_listing pl JOIN paper p ON p.id = pl.paper_id WHERE pl.version > ? AND pl.version <= ?""")) {
                st.setFetchSize(BATCH);
                st.setLong(1, after);
                st.setLong(2, upTo);
                List<Object[]> batch = new ArrayList<>(BATCH);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        batch.add(new Object[] {listing(rs, 1), rs.getString(9), rs.getString(10)});
                        if (batch.size() == BATCH) {
                            batches.accept(withRepoKeys(c, batch));
                            batch.clear();
                        }
                    }
                }
                if (!batch.isEmpty()) {
                    batches.accept(withRepoKeys(c, batch));
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the changed listings: " + e.getMessage(), e);
        }
    }

    private static List<ListedPaper> withRepoKeys(Connection c, List<Object[]> rows) throws SQLException {
        Map<String, List<String>> keys = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement("SELECT l.paper_id, r.repo_key FROM link l JOIN repo r ON r.id = l.repo_id"
                + " WHERE l.kind = 'code' AND l.paper_id IN (" + String.join(", ", Collections.nCopies(rows.size(), "?"))
                + ") ORDER BY l.paper_id, l.position")) {
            for (int i = 0; i < rows.size(); i++) {
                st.setString(i + 1, ((Listing) rows.get(i)[0]).paperId());
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    keys.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        List<ListedPaper> papers = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Listing l = (Listing) row[0];
            papers.add(new ListedPaper(l, (String) row[1], (String) row[2], keys.getOrDefault(l.paperId(), List.of())));
        }
        return papers;
    }

    private static long lockVersion(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT version FROM listing_state WHERE id = 1 FOR UPDATE");
             ResultSet rs = st.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("listing_state has no row; the V9 migration did not run");
            }
            return rs.getLong(1);
        }
    }

    /** Reads the listing columns paper_id .. text_stamp starting at column {@code first}. */
    private static Listing listing(ResultSet rs, int first) throws SQLException {
        String hosts = rs.getString(first + 3);
        return new Listing(rs.getString(first), PaperStatus.valueOf(rs.getString(first + 1)), Timestamp.read(rs, first + 2),
                hosts.isEmpty() ? List.of() : Arrays.asList(hosts.split(" ")), (Integer) rs.getObject(first + 4),
                rs.getBoolean(first + 5), rs.getBoolean(first + 6), rs.getLong(first + 7));
    }

    /** One paper being read: its code links so far, and its listing before this refresh. */
    private static final class Pending {
        final String id;
        final @Nullable Instant published;
        final long textStamp;
        final boolean paperPromised;
        final @Nullable Listing old;
        final PaperStatusTally tally = new PaperStatusTally();
        final Set<String> hosts = new TreeSet<>();
        @Nullable Integer bestScore;
        boolean placeholder;
        boolean promiseOpen;

        Pending(ResultSet rs) throws SQLException {
            id = rs.getString(1);
            published = Timestamp.read(rs, 2);
            textStamp = 31 * rs.getLong(4) + Objects.hashCode(rs.getString(3));
            paperPromised = rs.getBoolean(20);
            old = rs.getString(12) == null ? null : listing(rs, 12);
        }

        /** Adds the code link on this row (none when the paper has no code link). */
        void add(ResultSet rs) throws SQLException {
            String host = rs.getString(5);
            if (host == null) {
                return;
            }
            String status = rs.getString(6);
            tally.add(status == null ? CurrentStatus.PENDING : CurrentStatus.valueOf(status), rs.getBoolean(8), rs.getObject(7) != null);
            hosts.add(host);
            Object score = rs.getObject(9);
            if (score != null && (bestScore == null || ((Number) score).intValue() > bestScore)) {
                bestScore = ((Number) score).intValue();
            }
            placeholder |= rs.getInt(10) > 0;
            promiseOpen |= rs.getInt(11) > 0;
        }

        Listing now() {
            PaperStatus status = tally.status(paperPromised);
            // a promise made without a link stays open until a code link appears: the promise filter
            // lists it once the paper is older than signals.promise_days, like a promised empty repository
            boolean open = promiseOpen || status == PaperStatus.PROMISED_NO_LINK;
            return new Listing(id, status, published, new ArrayList<>(hosts), bestScore, placeholder, open, textStamp);
        }
    }

    /** The batched writes of one refresh. */
    private static final class Writer implements AutoCloseable {
        final long version;
        final PreparedStatement insertListing;
        final PreparedStatement updateListing;
        final PreparedStatement deleteFacet;
        final PreparedStatement insertFacet;
        final PreparedStatement updateFacet;
        int changed;
        int pending;

        Writer(Connection c, long version) throws SQLException {
            this.version = version;
            insertListing = c.prepareStatement("""
                    INSERT INTO paper_listing (code_status, published, hosts, best_score, placeholder, promise_open, text_stamp, version,
                                               paper_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            updateListing = c.prepareStatement("""
                    UPDATE paper_listing SET code_status = ?, published = ?, hosts = ?, best_score = ?, placeholder = ?,
                                             promise_open = ?, text_stamp = ?, version = ? WHERE paper_id = ?""");
            deleteFacet = c.prepareStatement("DELETE FROM paper_facet WHERE facet = ? AND paper_id = ?");
            insertFacet = c.prepareStatement("INSERT INTO paper_facet (code_status, published, facet, paper_id) VALUES (?, ?, ?, ?)");
            updateFacet = c.prepareStatement("UPDATE paper_facet SET code_status = ?, published = ? WHERE facet = ? AND paper_id = ?");
        }

        void write(@Nullable Listing old, Listing now) throws SQLException {
            if (now.equals(old)) {
                return;
            }
            changed++;
            PreparedStatement listing = old == null ? insertListing : updateListing;
            listing.setString(1, now.status().name());
            listing.setObject(2, Timestamp.orNull(now.published()));
            listing.setString(3, String.join(" ", now.hosts()));
            listing.setObject(4, now.bestScore(), java.sql.Types.INTEGER);
            listing.setBoolean(5, now.placeholder());
            listing.setBoolean(6, now.promiseOpen());
            listing.setLong(7, now.textStamp());
            listing.setLong(8, version);
            listing.setString(9, now.paperId());
            listing.addBatch();
            Set<Long> before = old == null ? Set.of() : Facets.of(old);
            Set<Long> after = Facets.of(now);
            boolean sortKeysMoved = old == null || old.status() != now.status() || !Objects.equals(old.published(), now.published());
            for (long key : before) {
                if (!after.contains(key)) {
                    deleteFacet.setLong(1, key);
                    deleteFacet.setString(2, now.paperId());
                    deleteFacet.addBatch();
                }
            }
            for (long key : after) {
                PreparedStatement facet = before.contains(key) ? sortKeysMoved ? updateFacet : null : insertFacet;
                if (facet != null) {
                    facet.setString(1, now.status().name());
                    facet.setObject(2, Timestamp.orNull(now.published()));
                    facet.setLong(3, key);
                    facet.setString(4, now.paperId());
                    facet.addBatch();
                }
            }
            if (++pending == BATCH) {
                flush();
            }
        }

        void flush() throws SQLException {
            for (PreparedStatement st : List.of(deleteFacet, updateFacet, insertFacet, updateListing, insertListing)) {
                st.executeBatch();
            }
            pending = 0;
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement st : List.of(insertListing, updateListing, deleteFacet, insertFacet, updateFacet)) {
                st.close();
            }
        }
    }
}
