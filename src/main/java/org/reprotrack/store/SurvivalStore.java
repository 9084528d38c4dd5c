package org.reprotrack.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.reprotrack.survival.Subject;

/**
 * The observations of the survival curves (docs/survival.md): one per code link of a paper with a
 * publication date whose repository has a verdict. A link's time runs from its paper's first
 * version to its repository's first <em>confirmed</em> death (an event, dated at the first dead
 * verdict of the streak that the grace period then confirmed), or else to the repository's last
 * check (censored; a repository failing but not yet confirmed dead is censored where its failing
 * streak began, the last time it was not seen dead).
 *
 * <p>The first confirmed death is replayed from the changed checks ({@code check_change}, a few
 * percent of the history): a dead verdict that changed the shown status right after another dead
 * verdict did is the confirmation of the death the earlier one started (FAILING, then dead).
 */
public final class SurvivalStore {

    private static final double DAY_SECONDS = 86_400.0;

    private final DataSource dataSource;

    public SurvivalStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * What the curves are fitted on, and what was left out.
     *
     * @param undated code links whose paper has no publication date (never enriched): no time origin
     * @param unchecked code links whose repository has no verdict yet
     */
    public record Observations(List<Subject> subjects, int undated, int unchecked) {
    }

    /** Every code link's observation, read in two passes (links, then the changed checks). */
    public Observations observations() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try {
                Map<Long, Instant> deaths = firstConfirmedDeaths(c);
                return links(c, deaths);
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the survival observations: " + e.getMessage(), e);
        }
    }

    /** Each repository's first confirmed death, dated at the first dead verdict of the confirmed streak. */
    static Map<Long, Instant> firstConfirmedDeaths(Connection c) throws SQLException {
        Map<Long, Instant> deaths = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement(
                "SELECT repo_id, checked_at, status FROM check_change ORDER BY repo_id, checked_at, check_id")) {
            st.setFetchSize(5000);
            try (ResultSet rs = st.executeQuery()) {
                long repo = Long.MIN_VALUE;
                Instant streakStart = null;
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (id != repo) {
                        repo = id;
                        streakStart = null;
                    }
                    Instant at = Timestamp.read(rs, 2);
                    boolean dead = dead(rs.getString(3));
                    if (!dead) {
                        streakStart = null;
                    } else if (streakStart == null) {
                        streakStart = at;
                    } else if (at != null) {
                        deaths.putIfAbsent(repo, streakStart);
                    }
                }
            }
        }
        return deaths;
    }

    private static boolean dead(String verdict) {
        return verdict.equals("NOT_FOUND") || verdict.equals("BLOCKED") || verdict.equals("REPLACED");
    }

    private static Observations links(Connection c, Map<Long, Instant> deaths) throws SQLException {
        List<Subject> subjects = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int undated = 0;
        int unchecked = 0;
        try (PreparedStatement st = c.prepareStatement("""
                SELECT l.paper_id, l.repo_id, p.published, p.categories, l.host, l.promised, s.score, r.status, r.last_checked,
                       r.first_seen_dead
                FROM link l JOIN paper p ON p.id = l.paper_id JOIN repo r ON r.id = l.repo_id
                LEFT JOIN repo_signals s ON s.repo_id = r.id
                WHERE l.kind = 'code'""")) {
            st.setFetchSize(5000);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long repo = rs.getLong(2);
                    if (!seen.add(rs.getString(1) + '\n' + repo)) {
                        continue; // the same repository twice in one paper is one link
                    }
                    Instant published = Timestamp.read(rs, 3);
                    String status = rs.getString(8);
                    Instant lastChecked = Timestamp.read(rs, 9);
                    Instant death = deaths.get(repo);
                    if (death == null && dead(status)) {
                        // confirmed dead, but its history does not show the streak (rows written before V13): its state does
                        death = Timestamp.read(rs, 10) != null ? Timestamp.read(rs, 10) : lastChecked;
                    }
                    Instant end = death != null ? death
                            : status.equals("FAILING") ? Timestamp.read(rs, 10)
                            : status.equals("PENDING") ? null : lastChecked;
                    if (end == null) {
                        unchecked++;
                        continue;
                    }
                    if (published == null) {
                        undated++;
                        continue;
                    }
                    double days = Math.max(0, Duration.between(published, end).toSeconds() / DAY_SECONDS);
                    Object score = rs.getObject(7);
                    subjects.add(new Subject(days, death != null, published.atZone(ZoneOffset.UTC).getYear(),
                            primaryCategory(rs.getString(4)), rs.getString(5), rs.getBoolean(6),
                            score == null ? null : ((Number) score).intValue()));
                }
            }
        }
        return new Observations(subjects, undated, unchecked);
    }

    /** The first of the space-separated categories: arXiv lists the primary one first. */
    static @Nullable String primaryCategory(@Nullable String categories) {
        if (categories == null || categories.isBlank()) {
            return null;
        }
        return categories.strip().split("\\s+", 2)[0];
    }
}
