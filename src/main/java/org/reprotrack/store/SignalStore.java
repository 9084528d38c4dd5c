package org.reprotrack.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.RepoMetadata;
import org.reprotrack.check.signals.Checklist;
import org.reprotrack.check.signals.ChecklistItem;
import org.reprotrack.check.signals.ItemResult;
import org.reprotrack.check.signals.Placeholder;
import org.reprotrack.check.signals.ReleaseLag;
import org.reprotrack.check.signals.RepoSignals;
import org.reprotrack.links.CodeHost;
import org.reprotrack.links.RepoRef;

/** Reproducibility signals per repository (table {@code repo_signals}, V8) and the queries over them. */
public final class SignalStore {

    /** {@code dependencies, dependencies_evidence, training_code, ...}: one pair per item, in item order. */
    private static final String ITEM_COLUMNS = Arrays.stream(ChecklistItem.values())
            .map(i -> i.key() + ", " + i.key() + "_evidence").collect(Collectors.joining(", "));
    private static final int ITEMS = ChecklistItem.values().length;

    private static final String SIGNAL_COLUMNS = """
            s.fetched_at, s.based_on_pushed_at, s.based_on_etag, s.tree_etag, s.readme_etag, s.etag_token, s.partial,
            s.file_count, s.readme_found, s.placeholder, s.placeholder_reason, s.promise_line, s.licence,
            s.repo_created_at, s.first_non_placeholder_at, s.seen_as_placeholder, """
            + ITEM_COLUMNS.replaceAll("(\\w+)", "s.$1");

    /** The statuses of repositories whose signals are worth fetching: they exist and GitHub answered. */
    private static final String FETCHABLE = "('OK', 'ARCHIVED', 'MOVED', 'PLACEHOLDER')";

    private final DataSource dataSource;

    public SignalStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The stored signals of a repository, or null if never fetched. Tree and README ETags are
     * dropped unless they belong to {@code tokenFingerprint}: an ETag is per URL and token.
     */
    public @Nullable RepoSignals load(long repoId, String tokenFingerprint) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT " + SIGNAL_COLUMNS + " FROM repo_signals s WHERE s.repo_id = ?")) {
            st.setLong(1, repoId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? signals(rs, 1, tokenFingerprint) : null;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot load the signals of repository " + repoId + ": " + e.getMessage(), e);
        }
    }

    private static RepoSignals signals(ResultSet rs, int from, String tokenFingerprint) throws SQLException {
        int i = from;
        Instant fetchedAt = Timestamp.read(rs, i++);
        Instant pushed = Timestamp.read(rs, i++);
        String basedOnEtag = rs.getString(i++);
        String treeEtag = rs.getString(i++);
        String readmeEtag = rs.getString(i++);
        boolean sameToken = tokenFingerprint.equals(rs.getString(i++));
        boolean partial = rs.getBoolean(i++);
        int files = rs.getInt(i++);
        boolean readmeFound = rs.getBoolean(i++);
        boolean placeholder = rs.getBoolean(i++);
        String reason = rs.getString(i++);
        String promise = rs.getString(i++);
        String licence = rs.getString(i++);
        Instant created = Timestamp.read(rs, i++);
        Instant firstCode = Timestamp.read(rs, i++);
        boolean seenAsPlaceholder = rs.getBoolean(i++);
        List<ItemResult> items = new ArrayList<>(ITEMS);
        for (ChecklistItem item : ChecklistItem.values()) {
            boolean present = rs.getBoolean(i++);
            String evidence = rs.getString(i++);
            items.add(new ItemResult(item, present && evidence != null, present ? evidence : null));
        }
        return new RepoSignals(new Checklist(items), new Placeholder(placeholder && reason != null, reason, promise),
                partial, files, readmeFound, licence, created, pushed, basedOnEtag,
                sameToken ? treeEtag : null, sameToken ? readmeEtag : null, fetchedAt, firstCode, seenAsPlaceholder);
    }

    /**
     * Stores a fetch's signals, replacing the previous ones, as one upsert: two nodes saving the
     * same repository's signals at once both succeed and the last one wins (a DELETE then INSERT
     * failed the second on {@code repo_signals_pkey}).
     */
    public void save(long repoId, RepoSignals s, String tokenFingerprint) {
        String columns = "fetched_at, based_on_pushed_at, based_on_etag, tree_etag, readme_etag, etag_token, partial, "
                + "file_count, readme_found, score, placeholder, placeholder_reason, promise_line, licence, repo_created_at, "
                + "first_non_placeholder_at, seen_as_placeholder, " + ITEM_COLUMNS;
        List<String> names = Arrays.stream(columns.split(",")).map(String::strip).toList();
        Tx.run(dataSource, "save the signals of repository " + repoId, c -> {
            try (PreparedStatement st = c.prepareStatement(Upsert.sql(c, "repo_signals", List.of("repo_id"), names))) {
                int i = 1;
                st.setLong(i++, repoId);
                st.setObject(i++, Timestamp.of(s.fetchedAt()).value());
                st.setObject(i++, Timestamp.orNull(s.basedOnPushedAt()));
                st.setString(i++, s.basedOnEtag());
                st.setString(i++, s.treeEtag());
                st.setString(i++, s.readmeEtag());
                st.setString(i++, tokenFingerprint);
                st.setBoolean(i++, s.partial());
                st.setInt(i++, s.files());
                st.setBoolean(i++, s.readmeFound());
                st.setInt(i++, s.score());
                st.setBoolean(i++, s.placeholder().placeholder());
                st.setString(i++, cut(s.placeholder().reason(), 600));
                st.setString(i++, cut(s.placeholder().promise(), 400));
                st.setString(i++, cut(s.licence(), 100));
                st.setObject(i++, Timestamp.orNull(s.createdAt()));
                st.setObject(i++, Timestamp.orNull(s.firstNonPlaceholderAt()));
                st.setBoolean(i++, s.seenAsPlaceholder());
                for (ItemResult item : s.checklist().items()) {
                    st.setBoolean(i++, item.present());
                    st.setString(i++, item.evidence());
                }
                st.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Reachable GitHub repositories whose signals are missing or older than their last check: the
     * check's {@code pushed_at} or ETag moved since the signals were fetched. Never fetched first,
     * then the longest unfetched.
     */
    public List<SignalTarget> stale(int limit) {
        String sql = "SELECT r.id, r.host, r.path, r.moved_to, r.metadata, r.etag FROM repo r"
                + " LEFT JOIN repo_signals s ON s.repo_id = r.id"
                + " WHERE r.host = ? AND r.status IN " + FETCHABLE
                + " AND (s.repo_id IS NULL OR s.based_on_pushed_at IS DISTINCT FROM r.pushed_at"
                + " OR (r.etag IS NOT NULL AND s.based_on_etag IS NOT NULL AND s.based_on_etag <> r.etag))"
                + " ORDER BY CASE WHEN s.repo_id IS NULL THEN 0 ELSE 1 END, s.fetched_at, r.id FETCH FIRST ? ROWS ONLY";
        List<SignalTarget> targets = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, CodeHost.GITHUB.name());
            st.setInt(2, limit);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    targets.add(new SignalTarget(rs.getLong(1), new RepoRef(CodeHost.valueOf(rs.getString(2)), rs.getString(3)),
                            rs.getString(4), MetadataJson.read(rs.getString(5)), rs.getString(6)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot select repositories with stale signals: " + e.getMessage(), e);
        }
        return targets;
    }

    /**
     * Every repository's signals, ordered by key, for listings. Licence, release lag and last
     * activity come from the last check's metadata even before any signals fetch.
     */
    public void forEachRepo(Consumer<SignalRow> action) {
        String sql = ROW_SELECT + " ORDER BY r.repo_key";
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setFetchSize(1000);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    action.accept(row(rs));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot list repository signals: " + e.getMessage(), e);
        }
    }

    private static final String ROW_SELECT = "SELECT r.repo_key, r.metadata, r.pushed_at,"
            + " (SELECT MIN(p.published) FROM link l JOIN paper p ON p.id = l.paper_id WHERE l.repo_id = r.id),"
            + " s.repo_id, s.score, " + SIGNAL_COLUMNS
            + " FROM repo r LEFT JOIN repo_signals s ON s.repo_id = r.id";

    /** One repository's signals as listed (by its canonical key), or empty when the store does not know it. */
    public java.util.Optional<SignalRow> repo(String repoKey) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement(ROW_SELECT + " WHERE r.repo_key = ?")) {
            st.setString(1, repoKey.toLowerCase(java.util.Locale.ROOT));
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? java.util.Optional.of(row(rs)) : java.util.Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the signals of " + repoKey + ": " + e.getMessage(), e);
        }
    }

    private static SignalRow row(ResultSet rs) throws SQLException {
        RepoMetadata m = MetadataJson.read(rs.getString(2));
        Instant pushed = Timestamp.read(rs, 3);
        Instant paper = Timestamp.read(rs, 4);
        rs.getLong(5);
        boolean fetched = !rs.wasNull();
        String licence = m == null ? null : m.license() == null ? "none" : m.license();
        Instant created = m == null ? null : m.createdAt();
        if (!fetched) {
            return new SignalRow(rs.getString(1), null, null, null, licence, ReleaseLag.days(paper, created), null,
                    pushed, null);
        }
        RepoSignals s = signals(rs, 7, "");
        if (licence == null) {
            licence = s.licence();
        }
        if (created == null) {
            created = s.createdAt();
        }
        return new SignalRow(rs.getString(1), s.checklist(), s.placeholder().placeholder(), s.partial(), licence,
                ReleaseLag.days(paper, created), ReleaseLag.days(paper, s.firstNonPlaceholderAt()), pushed, s.fetchedAt());
    }

    /**
     * The condition on a promised code link's repository {@code r} and its signals {@code s} (left
     * joined) that makes the promise not kept once the paper is old enough; shared with the
     * dashboard's {@code promise_not_kept} filter so both answer the same papers.
     */
    static final String PROMISE_NOT_KEPT = "(r.status IN ('EMPTY', 'PLACEHOLDER', 'NOT_FOUND')"
            + " OR (r.status IN ('OK', 'ARCHIVED', 'MOVED') AND s.placeholder = TRUE))";

    /**
     * Promises not kept: code links a paper promised ("will be released") whose repository is still
     * EMPTY, PLACEHOLDER or NOT_FOUND (or whose signals say placeholder) more than
     * {@code promiseDays} after the paper's first version; and papers that promised code without
     * any code link that long ({@link NoLinkPromises}: no repository, status PROMISED_NO_LINK).
     * Ordered by paper, then repository.
     */
    public List<BrokenPromise> promisesNotKept(Instant now, int promiseDays) {
        Instant cutoff = now.minus(Duration.ofDays(promiseDays));
        String sql = """
                SELECT DISTINCT p.id, r.repo_key, r.status, p.published
                FROM link l
                JOIN paper p ON p.id = l.paper_id
                JOIN repo r ON r.id = l.repo_id
                LEFT JOIN repo_signals s ON s.repo_id = r.id
                WHERE l.kind = 'code' AND l.promised AND p.published IS NOT NULL AND p.published < ?
                  AND """ + PROMISE_NOT_KEPT + " ORDER BY p.id, r.repo_key";
        List<BrokenPromise> broken = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, Timestamp.of(cutoff).value());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Instant published = Timestamp.read(rs, 4);
                    broken.add(new BrokenPromise(rs.getString(1), rs.getString(2), rs.getString(3), published,
                            Duration.between(published, now).toDays()));
                }
            }
            broken.addAll(NoLinkPromises.notKept(c, now, cutoff)); // promised without a link (issue 12)
            broken.sort(BrokenPromise.ORDER);
        } catch (SQLException e) {
            throw new StoreException("cannot list promises not kept: " + e.getMessage(), e);
        }
        return broken;
    }


    private static @Nullable String cut(@Nullable String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
