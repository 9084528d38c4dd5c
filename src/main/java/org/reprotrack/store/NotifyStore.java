package org.reprotrack.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.CurrentStatus;

/**
 * The notification log, its webhook outbox and the state they are derived from (V18). Events are
 * found by comparing each repository's status with the one last seen ({@code notify_repo_state})
 * and the promises not kept with those already announced; the events, the new state and one
 * outbox row per event and webhook are written in one transaction, so a crash or a restart neither
 * loses nor repeats an event. The first scan of a store records what it finds without announcing it.
 */
public final class NotifyStore {

    private static final String EVENT_COLUMNS =
            "e.id, e.kind, e.repo_id, e.repo_key, e.paper_id, e.status, e.previous_status, e.occurred_at, e.detected_at";

    private final DataSource dataSource;

    public NotifyStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A webhook as the scan routes events: its name and collection ("*": every event). */
    public record Route(String webhook, String collection) {
    }

    /** A paper of an event: id and title (untrusted text). */
    public record EventPaper(String id, @Nullable String title) {
    }

    /** Builds a delivery's body when it is enqueued: from the event, its papers and the webhook's route. */
    @FunctionalInterface
    public interface Payloads {
        String body(NotifyEvent event, List<EventPaper> papers, Route route);
    }

    /** What one scan found. */
    public record ScanResult(boolean baseline, List<NotifyEvent> events, int enqueued) {
    }

    /**
     * Finds new events and enqueues their deliveries, in one transaction (nodes take turns on the
     * state row's lock).
     *
     * @param broken the promises not kept now
     */
    public ScanResult scan(Instant now, List<BrokenPromise> broken, List<Route> routes, Payloads payloads) {
        return Tx.run(dataSource, "record notification events", c -> {
            boolean baselined;
            try (PreparedStatement st = c.prepareStatement("SELECT baselined FROM notify_state WHERE id = 1 FOR UPDATE");
                 ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("notify_state has no row; the V18 migration did not run");
                }
                baselined = rs.getBoolean(1);
            }
            List<NotifyEvent> pending = new ArrayList<>();
            repoChanges(c, now, pending);
            promises(c, now, broken, pending);
            if (!baselined) {
                try (PreparedStatement st = c.prepareStatement("UPDATE notify_state SET baselined = TRUE WHERE id = 1")) {
                    st.executeUpdate();
                }
                return new ScanResult(true, List.of(), 0);
            }
            List<NotifyEvent> events = new ArrayList<>();
            int enqueued = 0;
            for (NotifyEvent e : pending) {
                NotifyEvent saved = insert(c, e);
                events.add(saved);
                List<EventPaper> papers = papers(c, saved);
                Set<String> collections = collections(c, saved);
                for (Route r : routes) {
                    if (r.collection().equals("*") || collections.contains(r.collection())) {
                        enqueue(c, saved, r, payloads.body(saved, papers, r), now);
                        enqueued++;
                    }
                }
            }
            return new ScanResult(false, events, enqueued);
        });
    }

    private static void repoChanges(Connection c, Instant now, List<NotifyEvent> events) throws SQLException {
        List<Object[]> changed = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("""
                SELECT r.id, r.repo_key, r.status, r.status_since, n.status FROM repo r
                LEFT JOIN notify_repo_state n ON n.repo_id = r.id WHERE n.status IS NULL OR n.status <> r.status""")) {
            st.setFetchSize(1000);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    changed.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), Timestamp.read(rs, 4), rs.getString(5)});
                }
            }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO notify_repo_state (status, repo_id) VALUES (?, ?)");
             PreparedStatement update = c.prepareStatement("UPDATE notify_repo_state SET status = ? WHERE repo_id = ?")) {
            for (Object[] row : changed) {
                long repoId = (Long) row[0];
                String status = (String) row[2];
                String before = (String) row[4];
                PreparedStatement st = before == null ? insert : update;
                st.setString(1, status);
                st.setLong(2, repoId);
                st.addBatch();
                String kind = kind(before == null ? CurrentStatus.PENDING : CurrentStatus.valueOf(before), CurrentStatus.valueOf(status));
                if (kind != null) {
                    Instant since = row[3] == null ? now : (Instant) row[3];
                    events.add(new NotifyEvent(0, kind, repoId, (String) row[1], null, status, before, since, now));
                }
            }
            insert.executeBatch();
            update.executeBatch();
        }
    }

    /** The event a change of shown status is, or null: into dead is newly dead, out of dead (not into FAILING/PENDING) is recovered. */
    static @Nullable String kind(CurrentStatus before, CurrentStatus after) {
        if (after.dead() && !before.dead()) {
            return NotifyEvent.NEWLY_DEAD;
        }
        if (before.dead() && !after.dead() && after != CurrentStatus.FAILING && after != CurrentStatus.PENDING) {
            return NotifyEvent.RECOVERED;
        }
        return null;
    }

    private static void promises(Connection c, Instant now, List<BrokenPromise> broken, List<NotifyEvent> events) throws SQLException {
        Set<String> known = new HashSet<>();
        try (PreparedStatement st = c.prepareStatement("SELECT paper_id, repo_key FROM notify_promise"); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                known.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO notify_promise (paper_id, repo_key) VALUES (?, ?)")) {
            for (BrokenPromise b : broken) {
                if (!known.add(b.paperId() + " " + b.repoKey())) {
                    continue;
                }
                st.setString(1, b.paperId());
                st.setString(2, b.repoKey());
                st.addBatch();
                events.add(new NotifyEvent(0, NotifyEvent.PROMISE_NOT_KEPT, repoId(c, b.repoKey()), b.repoKey(), b.paperId(), b.status(),
                        null, now, now));
            }
            st.executeBatch();
        }
    }

    private static @Nullable Long repoId(Connection c, String key) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT id FROM repo WHERE repo_key = ?")) {
            st.setString(1, key);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static NotifyEvent insert(Connection c, NotifyEvent e) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO notify_event (kind, repo_id, repo_key, paper_id, status, previous_status, occurred_at, detected_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"})) {
            st.setString(1, e.kind());
            st.setObject(2, e.repoId(), Types.BIGINT);
            st.setString(3, e.repoKey());
            st.setString(4, e.paperId());
            st.setString(5, e.status());
            st.setString(6, e.previousStatus());
            st.setObject(7, Timestamp.of(e.occurredAt()).value());
            st.setObject(8, Timestamp.of(e.detectedAt()).value());
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
                keys.next();
                return new NotifyEvent(keys.getLong(1), e.kind(), e.repoId(), e.repoKey(), e.paperId(), e.status(), e.previousStatus(),
                        Timestamp.of(e.occurredAt()).value().toInstant(), Timestamp.of(e.detectedAt()).value().toInstant());
            }
        }
    }

    /** The papers of an event: the promising paper, or (at most 20) papers linking the repository, by id. */
    private static List<EventPaper> papers(Connection c, NotifyEvent e) throws SQLException {
        List<EventPaper> papers = new ArrayList<>();
        String sql = e.paperId() != null ? "SELECT id, title FROM paper WHERE id = ?"
                : "SELECT DISTINCT p.id, p.title FROM link l JOIN paper p ON p.id = l.paper_id WHERE l.repo_id = ? ORDER BY p.id"
                        + " FETCH FIRST 20 ROWS ONLY";
        if (e.paperId() == null && e.repoId() == null) {
            return papers;
        }
        try (PreparedStatement st = c.prepareStatement(sql)) {
            bindSubject(st, e);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    papers.add(new EventPaper(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return papers;
    }

    /** Binds the event's subject, the promising paper or else the repository, as the query's one parameter. */
    private static void bindSubject(PreparedStatement st, NotifyEvent e) throws SQLException {
        if (e.paperId() != null) {
            st.setString(1, e.paperId());
        } else {
            st.setLong(1, e.repoId());
        }
    }

    /** The collections an event belongs to: those holding the promising paper, or a paper linking the repository. */
    private static Set<String> collections(Connection c, NotifyEvent e) throws SQLException {
        Set<String> names = new HashSet<>();
        String sql = e.paperId() != null
                ? "SELECT c.name FROM collection_paper cp JOIN collection c ON c.id = cp.collection_id WHERE cp.paper_id = ?"
                : "SELECT DISTINCT c.name FROM link l JOIN collection_paper cp ON cp.paper_id = l.paper_id"
                        + " JOIN collection c ON c.id = cp.collection_id WHERE l.repo_id = ?";
        if (e.paperId() == null && e.repoId() == null) {
            return names;
        }
        try (PreparedStatement st = c.prepareStatement(sql)) {
            bindSubject(st, e);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    private static void enqueue(Connection c, NotifyEvent e, Route r, String payload, Instant now) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                INSERT INTO webhook_outbox (idempotency_key, webhook, event_id, payload, state, attempts, next_attempt, created_at)
                VALUES (?, ?, ?, ?, 'pending', 0, ?, ?)""")) {
            st.setString(1, e.id() + "-" + r.webhook());
            st.setString(2, r.webhook());
            st.setLong(3, e.id());
            st.setString(4, payload);
            st.setObject(5, Timestamp.of(now).value());
            st.setObject(6, Timestamp.of(now).value());
            st.executeUpdate();
        }
    }

    /** The newest events, newest first, of one collection or (null) of all. */
    public List<NotifyEvent> events(@Nullable Long collectionId, int limit) {
        String sql = "SELECT " + EVENT_COLUMNS + " FROM notify_event e"
                + (collectionId == null ? "" : " " + """
                 WHERE e.repo_id IN (SELECT l.repo_id FROM collection_paper cp JOIN link l ON l.paper_id = cp.paper_id
                                     WHERE cp.collection_id = ? AND l.repo_id IS NOT NULL)
                    OR e.paper_id IN (SELECT cp.paper_id FROM collection_paper cp WHERE cp.collection_id = ?)""")
                + " ORDER BY e.id DESC FETCH FIRST ? ROWS ONLY";
        return Tx.run(dataSource, "read notification events", c -> {
            List<NotifyEvent> events = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(sql)) {
                int i = 1;
                if (collectionId != null) {
                    st.setLong(i++, collectionId);
                    st.setLong(i++, collectionId);
                }
                st.setInt(i, limit);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        events.add(event(rs));
                    }
                }
            }
            return events;
        });
    }

    /** Papers of events, for the feed: event id to its papers (promising paper, or papers linking the repository, at most 5). */
    public Map<Long, List<EventPaper>> papersOf(List<NotifyEvent> events) {
        return Tx.run(dataSource, "read the papers of events", c -> {
            Map<Long, List<EventPaper>> papers = new LinkedHashMap<>();
            for (NotifyEvent e : events) {
                List<EventPaper> all = papers(c, e);
                papers.put(e.id(), all.subList(0, Math.min(5, all.size())));
            }
            return papers;
        });
    }

    /** A delivery being sent. */
    public record Delivery(long id, String idempotencyKey, String webhook, long eventId, String kind, String payload, int attempts) {
    }

    /**
     * Claims up to {@code limit} due deliveries for {@code leaseSeconds}: a node that dies while
     * sending leaves them to be sent again after the lease (at least once).
     */
    public List<Delivery> claimDue(Instant now, int limit, int leaseSeconds) {
        return Tx.run(dataSource, "claim webhook deliveries", c -> {
            List<Delivery> due = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("""
                    SELECT o.id, o.idempotency_key, o.webhook, o.event_id, e.kind, o.payload, o.attempts FROM webhook_outbox o
                    JOIN notify_event e ON e.id = o.event_id
                    WHERE o.state = 'pending' AND o.next_attempt <= ? AND (o.lease_until IS NULL OR o.lease_until <= ?)
                    ORDER BY o.next_attempt, o.id FETCH FIRST ? ROWS ONLY""")) {
                st.setObject(1, Timestamp.of(now).value());
                st.setObject(2, Timestamp.of(now).value());
                st.setInt(3, limit);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        due.add(new Delivery(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                                rs.getString(6), rs.getInt(7)));
                    }
                }
            }
            List<Delivery> claimed = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement("""
                    UPDATE webhook_outbox SET lease_until = ? WHERE id = ? AND state = 'pending'
                    AND (lease_until IS NULL OR lease_until <= ?)""")) {
                for (Delivery d : due) {
                    st.setObject(1, Timestamp.of(now.plusSeconds(leaseSeconds)).value());
                    st.setLong(2, d.id());
                    st.setObject(3, Timestamp.of(now).value());
                    if (st.executeUpdate() == 1) {
                        claimed.add(d);
                    }
                }
            }
            return claimed;
        });
    }

    /** Records one attempt: delivered, to be retried at {@code nextAttempt}, or (nextAttempt null, not delivered) given up. */
    public void attempted(long id, Instant now, boolean delivered, @Nullable Integer httpStatus, @Nullable String error,
            @Nullable Instant nextAttempt) {
        Tx.run(dataSource, "record a webhook attempt", c -> {
            try (PreparedStatement st = c.prepareStatement("""
                    UPDATE webhook_outbox SET state = ?, attempts = attempts + 1, last_status = ?, last_error = ?, lease_until = NULL,
                           next_attempt = COALESCE(?, next_attempt), delivered_at = ? WHERE id = ?""")) {
                st.setString(1, delivered ? "delivered" : nextAttempt == null ? "failed" : "pending");
                st.setObject(2, httpStatus, Types.INTEGER);
                st.setString(3, error == null ? null : error.length() > 500 ? error.substring(0, 500) : error);
                st.setObject(4, Timestamp.orNull(nextAttempt));
                st.setObject(5, delivered ? Timestamp.of(now).value() : null);
                st.setLong(6, id);
                st.executeUpdate();
            }
            return null;
        });
    }

    /** Deliveries by webhook and state (pending, delivered, failed), for metrics and {@code reprotrack notify}. */
    public Map<Map.Entry<String, String>, Integer> outboxCounts() {
        return Tx.run(dataSource, "count webhook deliveries", c -> {
            Map<Map.Entry<String, String>, Integer> counts = new TreeMap<>(Map.Entry.<String, String>comparingByKey()
                    .thenComparing(Map.Entry.comparingByValue()));
            try (PreparedStatement st = c.prepareStatement("SELECT webhook, state, COUNT(*) FROM webhook_outbox GROUP BY webhook, state");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    counts.put(new AbstractMap.SimpleImmutableEntry<>(rs.getString(1), rs.getString(2)), rs.getInt(3));
                }
            }
            return counts;
        });
    }

    private static NotifyEvent event(ResultSet rs) throws SQLException {
        Object repoId = rs.getObject(3);
        return new NotifyEvent(rs.getLong(1), rs.getString(2), repoId == null ? null : ((Number) repoId).longValue(), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), Timestamp.read(rs, 8), Timestamp.read(rs, 9));
    }
}
