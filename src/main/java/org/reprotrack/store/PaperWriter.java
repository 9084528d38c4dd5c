package org.reprotrack.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reprotrack.links.Link;
import org.reprotrack.links.LinkKind;
import org.reprotrack.links.RepoRef;
import org.reprotrack.paper.Paper;

/**
 * Writes the papers of one input file in one transaction: nothing is visible until
 * {@link #commit()}, and closing without a commit leaves the store as it was.
 *
 * <p>Papers are buffered and written in chunks: one query fetches what the store knows of a
 * chunk's ids, then inserts and updates go out as JDBC batches. A field the source does not
 * carry (null) keeps its stored value, so a URL list never erases an abstract, and listing text
 * never erases a title filled by enrichment. Links are recomputed from the merged paper.
 */
public final class PaperWriter implements AutoCloseable {

    private static final int CHUNK = 500;
    private static final int REPO_CACHE_LIMIT = 200_000;
    /**
     * H2 writes every commit through at once (Database makes WRITE_DELAY 0 so a killed audit loses
     * no recorded check). A file's ingest is one long transaction that gains nothing from that and
     * loses its background writer (about a quarter of the time of a million-paper file), so the
     * writer restores H2's usual delay while it runs: a file committed in the last half second
     * before a kill is read again, idempotently, by the next ingest.
     */
    private static final int BULK_WRITE_DELAY_MS = 500;

    private final Connection connection;
    private final String source;
    private final Function<Paper, List<Link>> linker;
    private final Clock clock;
    private final List<PreparedPaper> pending = new ArrayList<>();
    private final Map<String, Long> repoIds = new HashMap<>();
    private final Map<String, Long> pageIds = new HashMap<>();
    private final Set<String> listedHere = new HashSet<>();
    private final IngestCounts counts = new IngestCounts();
    private final PreparedStatement insertPaper;
    private final PreparedStatement updatePaper;
    private final PreparedStatement deleteLinks;
    private final PreparedStatement insertLink;
    private final PreparedStatement findRepo;
    private final PreparedStatement insertRepo;
    private final PreparedStatement findPage;
    private final PreparedStatement insertPage;
    private final boolean h2;
    private boolean batched;
    private boolean finished;

    PaperWriter(Connection connection, String source, Function<Paper, List<Link>> linker, Clock clock) throws SQLException {
        this.connection = connection;
        this.source = source;
        this.linker = linker;
        this.clock = clock;
        this.h2 = connection.getMetaData().getDatabaseProductName().startsWith("H2");
        if (h2) {
            setWriteDelay(BULK_WRITE_DELAY_MS);
        }
        connection.setAutoCommit(false);
        insertPaper = connection.prepareStatement("""
                INSERT INTO paper (version, title, abstract_text, comments, authors, categories, published, updated,
                                   listed_urls, text_hash, source, promised, first_seen, last_changed, id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        updatePaper = connection.prepareStatement("""
                UPDATE paper SET version = ?, title = ?, abstract_text = ?, comments = ?, authors = ?, categories = ?,
                                 published = ?, updated = ?, listed_urls = ?, text_hash = ?, source = ?, promised = ?,
                                 last_changed = ?
                WHERE id = ?""");
        deleteLinks = connection.prepareStatement("DELETE FROM link WHERE paper_id = ?");
        insertLink = connection.prepareStatement("""
                INSERT INTO link (paper_id, position, url, kind, host, repo_id, context, promised, in_comments, web_page_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
        findRepo = connection.prepareStatement("SELECT id FROM repo WHERE repo_key = ?");
        insertRepo = connection.prepareStatement(
                "INSERT INTO repo (repo_key, host, path, first_seen) VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
        findPage = connection.prepareStatement("SELECT id FROM web_page WHERE url = ?");
        insertPage = connection.prepareStatement(
                "INSERT INTO web_page (url, first_seen) VALUES (?, ?)", Statement.RETURN_GENERATED_KEYS);
    }

    /** Adds one paper; it reaches the database with its chunk and becomes visible on commit. */
    public void write(Paper paper) {
        write(PreparedPaper.of(paper, linker));
    }

    /** Adds one paper whose links and hash are already worked out (see {@link PreparedPaper}). */
    public void write(PreparedPaper paper) {
        pending.add(paper);
        if (pending.size() >= CHUNK) {
            flush();
        }
    }

    /** What this file did so far (complete after {@link #commit()}). */
    public IngestCounts counts() {
        return counts;
    }

    /** Writes what is buffered and commits the file's transaction. */
    public void commit() {
        flush();
        try {
            connection.commit();
            finished = true;
        } catch (SQLException e) {
            throw new StoreException("cannot commit " + source + ": " + e.getMessage(), e);
        }
    }

    /** Rolls back unless committed, and returns the connection to the pool. */
    @Override
    public void close() {
        try {
            if (!finished) {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot roll back " + source + ": " + e.getMessage(), e);
        } finally {
            try {
                connection.setAutoCommit(true);
                if (h2) {
                    setWriteDelay(0);
                }
                connection.close();
            } catch (SQLException ignored) {
                // the connection is broken; the pool discards it
            }
        }
    }

    private void setWriteDelay(int millis) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("SET WRITE_DELAY " + millis);
        }
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        try {
            Map<String, Stored> stored = fetchStored(pending);
            Set<String> inBatch = new HashSet<>();
            for (PreparedPaper prepared : pending) {
                String id = prepared.paper().id();
                if (!inBatch.add(id)) {
                    executeBatches();
                    inBatch.clear();
                    inBatch.add(id);
                }
                stored.put(id, apply(prepared, stored.get(id)));
            }
            executeBatches();
            pending.clear();
        } catch (SQLException e) {
            throw new StoreException("cannot write papers from " + source + ": " + e.getMessage(), e);
        }
    }

    private Stored apply(PreparedPaper prepared, @Nullable Stored old) throws SQLException {
        Paper incoming = prepared.paper();
        Stored merged = merge(prepared, old);
        boolean ownText = prepared.hasText(merged.abstractText, merged.comments, merged.listed);
        List<Link> links = ownText ? prepared.links() : linker.apply(merged.toPaper(incoming.id()));
        boolean promised = ownText ? prepared.promised() : PreparedPaper.promised(merged.toPaper(incoming.id()), links);
        counts.read(links);
        Timestamp now = Timestamp.of(clock.instant());
        if (old == null) {
            bindPaper(insertPaper, merged, incoming.id(), promised, now);
            insertPaper.setObject(14, now.value());
            insertPaper.setString(15, incoming.id());
            insertPaper.addBatch();
            addLinks(incoming.id(), links);
            counts.added();
        } else if (merged.textHash != old.textHash || !merged.sameMetadata(old)) {
            bindPaper(updatePaper, merged, incoming.id(), promised, now);
            updatePaper.setString(14, incoming.id());
            updatePaper.addBatch();
            if (merged.textHash != old.textHash) {
                deleteLinks.setString(1, incoming.id());
                deleteLinks.addBatch();
                addLinks(incoming.id(), links);
            }
            counts.updated();
        } else {
            counts.unchanged();
        }
        batched = true;
        if (!incoming.listedUrls().isEmpty()) {
            listedHere.add(incoming.id());
        }
        return merged;
    }

    private Stored merge(PreparedPaper prepared, @Nullable Stored old) {
        Paper in = prepared.paper();
        boolean textGiven = in.abstractText() != null || old == null;
        String abstractText = textGiven ? in.abstractText() : old.abstractText;
        String comments = textGiven ? in.comments() : old.comments;
        List<String> listed;
        if (in.listedUrls().isEmpty()) {
            listed = old == null ? List.of() : old.listed;
        } else if (old != null && listedHere.contains(in.id())) {
            LinkedHashSet<String> union = new LinkedHashSet<>(old.listed);
            union.addAll(in.listedUrls());
            listed = List.copyOf(union);
        } else {
            listed = in.listedUrls();
        }
        return new Stored(
                newest(in.version(), old == null ? null : old.version),
                first(in.title(), old == null ? null : old.title),
                abstractText,
                comments,
                first(in.authors(), old == null ? null : old.authors),
                first(in.categories(), old == null ? null : old.categories),
                first(in.published(), old == null ? null : old.published),
                first(in.updated(), old == null ? null : old.updated),
                listed,
                prepared.hasText(abstractText, comments, listed) ? prepared.textHash() : TextHash.of(abstractText, comments, listed));
    }

    private void bindPaper(PreparedStatement st, Stored p, String id, boolean promised, Timestamp now) throws SQLException {
        setInt(st, 1, p.version);
        st.setString(2, p.title);
        st.setString(3, p.abstractText);
        st.setString(4, p.comments);
        st.setString(5, p.authors);
        st.setString(6, p.categories);
        st.setObject(7, p.published == null ? null : OffsetDateTime.ofInstant(p.published, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
        st.setObject(8, p.updated == null ? null : OffsetDateTime.ofInstant(p.updated, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
        st.setString(9, p.listed.isEmpty() ? null : String.join("\n", p.listed));
        st.setLong(10, p.textHash);
        st.setString(11, source);
        st.setBoolean(12, promised);
        st.setObject(13, now.value());
    }

    private void addLinks(String paperId, List<Link> links) throws SQLException {
        int position = 0;
        for (Link link : links) {
            insertLink.setString(1, paperId);
            insertLink.setInt(2, position++);
            insertLink.setString(3, link.url());
            insertLink.setString(4, link.kind().label());
            insertLink.setString(5, link.host());
            RepoRef repo = link.repo();
            if (link.kind() == LinkKind.CODE && repo != null) {
                insertLink.setLong(6, repoId(repo));
                insertLink.setNull(10, Types.BIGINT);
            } else {
                insertLink.setNull(6, Types.BIGINT);
                String page = WebPages.absolute(link.url());
                if (page.length() <= WebPages.MAX_URL) {
                    insertLink.setLong(10, idOf(page, pageIds, findPage, insertPage));
                } else {
                    insertLink.setNull(10, Types.BIGINT); // too long to be a page anyone will fix; kept as written, not checked
                }
            }
            insertLink.setString(7, link.context());
            insertLink.setBoolean(8, link.promised());
            insertLink.setBoolean(9, link.inComments());
            insertLink.addBatch();
        }
    }

    private long repoId(RepoRef repo) throws SQLException {
        String key = repo.key();
        Long cached = repoIds.get(key);
        if (cached != null) {
            return cached;
        }
        long id;
        findRepo.setString(1, key);
        try (ResultSet rs = findRepo.executeQuery()) {
            id = rs.next() ? rs.getLong(1) : -1;
        }
        if (id < 0) {
            insertRepo.setString(1, key);
            insertRepo.setString(2, repo.host().name());
            insertRepo.setString(3, repo.path());
            insertRepo.setObject(4, Timestamp.of(clock.instant()).value());
            insertRepo.executeUpdate();
            try (ResultSet keys = insertRepo.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        if (repoIds.size() >= REPO_CACHE_LIMIT) {
            repoIds.clear();
        }
        repoIds.put(key, id);
        return id;
    }

    private long idOf(String url, Map<String, Long> cache, PreparedStatement find, PreparedStatement insert) throws SQLException {
        Long cached = cache.get(url);
        if (cached != null) {
            return cached;
        }
        long id;
        find.setString(1, url);
        try (ResultSet rs = find.executeQuery()) {
            id = rs.next() ? rs.getLong(1) : -1;
        }
        if (id < 0) {
            insert.setString(1, url);
            insert.setObject(2, Timestamp.of(clock.instant()).value());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        if (cache.size() >= REPO_CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(url, id);
        return id;
    }

    private void executeBatches() throws SQLException {
        if (!batched) {
            return;
        }
        insertPaper.executeBatch();
        updatePaper.executeBatch();
        deleteLinks.executeBatch();
        insertLink.executeBatch();
        batched = false;
    }

    private Map<String, Stored> fetchStored(List<PreparedPaper> papers) throws SQLException {
        List<String> ids = papers.stream().map(p -> p.paper().id()).distinct().toList();
        Map<String, Stored> found = new HashMap<>();
        String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement st = connection.prepareStatement("""
                SELECT id, version, title, abstract_text, comments, authors, categories, published, updated, listed_urls, text_hash
                FROM paper WHERE id IN (%s)""".formatted(marks))) {
            for (int i = 0; i < ids.size(); i++) {
                st.setString(i + 1, ids.get(i));
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String listed = rs.getString(10);
                    found.put(rs.getString(1), new Stored(
                            (Integer) rs.getObject(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            Timestamp.read(rs, 8),
                            Timestamp.read(rs, 9),
                            listed == null ? List.of() : List.of(listed.split("\n")),
                            rs.getLong(11)));
                }
            }
        }
        return found;
    }

    private static void setInt(PreparedStatement st, int index, @Nullable Integer value) throws SQLException {
        if (value == null) {
            st.setNull(index, Types.INTEGER);
        } else {
            st.setInt(index, value);
        }
    }

    /** Versions only go forward: an old listing read after the snapshot does not roll a paper back. */
    private static @Nullable Integer newest(@Nullable Integer a, @Nullable Integer b) {
        return a == null ? b : b == null ? a : Integer.valueOf(Math.max(a, b));
    }

    private static <T> @Nullable T first(@Nullable T a, @Nullable T b) {
        return a != null ? a : b;
    }

    /** A paper as stored (or about to be). */
    private record Stored(
            @Nullable Integer version,
            @Nullable String title,
            @Nullable String abstractText,
            @Nullable String comments,
            @Nullable String authors,
            @Nullable String categories,
            @Nullable Instant published,
            @Nullable Instant updated,
            List<String> listed,
            long textHash) {

        boolean sameMetadata(Stored o) {
            return Objects.equals(version, o.version) && Objects.equals(title, o.title)
                    && Objects.equals(authors, o.authors) && Objects.equals(categories, o.categories)
                    && Objects.equals(published, o.published) && Objects.equals(updated, o.updated);
        }

        Paper toPaper(String id) {
            return new Paper(id, version, title, abstractText, comments, authors, categories, published, updated, listed);
        }
    }
}
