package org.reprotrack.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.reprotrack.check.PaperStatus;

/**
 * The whole-store figures of the dashboard. They are too costly to compute per request (they read
 * every paper, and the history), so the web layer computes them once per change of the store
 * ({@link #fingerprint()}) and serves them from memory. Paper counts by status come from the
 * listing of the last {@link ListingStore#refresh()}.
 */
public final class OverviewStore {

    private final DataSource dataSource;

    public OverviewStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Software Heritage's answers and save requests (issue 16). */
    public ArchiveStore archives() {
        return new ArchiveStore(dataSource);
    }

    /** The survival observations, read with the overview (issue 16). */
    public SurvivalStore survival() {
        return new SurvivalStore(dataSource);
    }

    /** A value that changes whenever papers, links or checks were written; cheap (counts and maxima). */
    public String fingerprint() {
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                SELECT (SELECT COUNT(*) FROM paper), (SELECT MAX(last_changed) FROM paper), (SELECT COUNT(*) FROM link),
                       (SELECT MAX(id) FROM check_result), (SELECT MAX(id) FROM audit_run), (SELECT COUNT(*) FROM repo),
                       (SELECT MAX(fetched_at) FROM repo_signals), (SELECT COUNT(*) FROM repo_signals),
                       (SELECT MAX(enriched_at) FROM paper), (SELECT MAX(asked_at) FROM repo_archive),
                       (SELECT MAX(followed_at) FROM swh_save_request)""");
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1) + "/" + rs.getObject(2) + "/" + rs.getLong(3) + "/" + rs.getLong(4) + "/" + rs.getLong(5) + "/" + rs.getLong(6)
                    + "/" + rs.getObject(7) + "/" + rs.getLong(8) + "/" + rs.getObject(9) + "/" + rs.getObject(10) + "/" + rs.getObject(11);
        } catch (SQLException e) {
            throw new StoreException("cannot read the store's fingerprint: " + e.getMessage(), e);
        }
    }

    /**
     * The overview figures as of {@code today} (UTC). The daily share is replayed from the checks
     * that changed a repository's shown status (an index range, a small part of the history).
     */
    public Overview overview(LocalDate today) {
        try (Connection c = dataSource.getConnection()) {
            Map<PaperStatus, Integer> papers = new EnumMap<>(PaperStatus.class);
            int total = 0;
            try (PreparedStatement st = c.prepareStatement("SELECT code_status, COUNT(*) FROM paper_listing GROUP BY code_status");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1) != null) {
                        papers.put(PaperStatus.valueOf(rs.getString(1)), rs.getInt(2));
                    }
                    total += rs.getInt(2);
                }
            }
            Map<String, Integer> repos = new TreeMap<>();
            try (PreparedStatement st = c.prepareStatement("SELECT status, COUNT(*) FROM repo GROUP BY status");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    repos.put(rs.getString(1), rs.getInt(2));
                }
            }
            List<String> hosts = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT host FROM link WHERE kind = 'code' GROUP BY host ORDER BY COUNT(*) DESC, host FETCH FIRST 40 ROWS ONLY");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    hosts.add(rs.getString(1));
                }
            }
            int withCode = total - papers.getOrDefault(PaperStatus.NO_CODE_LINK, 0) - papers.getOrDefault(PaperStatus.PROMISED_NO_LINK, 0);
            Map<Integer, Integer> byScore = new TreeMap<>();
            // each paper's best checklist score over its code repositories with signals (issue 7)
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT best_score, COUNT(*) FROM paper_listing WHERE best_score IS NOT NULL GROUP BY best_score");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    byScore.put(rs.getInt(1), rs.getInt(2));
                }
            }
            return new Overview(papers, repos, hosts, daily(c, today), total, withCode, byScore);
        } catch (SQLException e) {
            throw new StoreException("cannot compute the overview: " + e.getMessage(), e);
        }
    }

    private static List<DailyShare> daily(Connection c, LocalDate today) throws SQLException {
        Map<Long, int[]> papersOfRepo = new HashMap<>();
        Map<String, Integer> paperIndex = new HashMap<>();
        Map<Long, List<Integer>> building = new HashMap<>();
        try (PreparedStatement st = c.prepareStatement(
                "SELECT paper_id, repo_id FROM link WHERE kind = 'code' AND repo_id IS NOT NULL")) {
            st.setFetchSize(1000);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    int paper = paperIndex.computeIfAbsent(rs.getString(1), k -> paperIndex.size());
                    building.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(paper);
                }
            }
        }
        building.forEach((repo, list) -> papersOfRepo.put(repo, list.stream().mapToInt(Integer::intValue).toArray()));
        int[] reachableLinks = new int[paperIndex.size()];
        int[] checkedLinks = new int[paperIndex.size()];
        Map<Long, Boolean> repoReachable = new HashMap<>();
        int checkedPapers = 0;
        int reachablePapers = 0;
        List<DailyShare> days = new ArrayList<>();
        LocalDate day = null;
        try (PreparedStatement st = c.prepareStatement(
                "SELECT repo_id, checked_at, status FROM check_change ORDER BY checked_at, check_id")) {
            st.setFetchSize(5000);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long repo = rs.getLong(1);
                    Instant at = Timestamp.read(rs, 2);
                    LocalDate d = at == null ? today : LocalDate.ofInstant(at, ZoneOffset.UTC);
                    while (day != null && day.isBefore(d)) {
                        days.add(new DailyShare(day, checkedPapers, reachablePapers));
                        day = day.plusDays(1);
                    }
                    day = d;
                    String s = rs.getString(3);
                    boolean reachable = s.equals("OK") || s.equals("ARCHIVED") || s.equals("MOVED");
                    Boolean before = repoReachable.put(repo, reachable);
                    int[] papers = papersOfRepo.getOrDefault(repo, new int[0]);
                    for (int p : papers) {
                        if (before == null && checkedLinks[p]++ == 0) {
                            checkedPapers++;
                        }
                        if (reachable && !Boolean.TRUE.equals(before) && reachableLinks[p]++ == 0) {
                            reachablePapers++;
                        } else if (!reachable && Boolean.TRUE.equals(before) && --reachableLinks[p] == 0) {
                            reachablePapers--;
                        }
                    }
                }
            }
        }
        while (day != null && !day.isAfter(today)) {
            days.add(new DailyShare(day, checkedPapers, reachablePapers));
            day = day.plusDays(1);
        }
        return days;
    }
}
