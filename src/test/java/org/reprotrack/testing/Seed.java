package org.reprotrack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprotrack.ingest.FileResult;
import org.reprotrack.ingest.IngestListener;
import org.reprotrack.ingest.IngestReport;
import org.reprotrack.ingest.IngestService;
import org.reprotrack.ingest.InputFormat;
import org.reprotrack.links.LinkExtractor;
import org.reprotrack.store.Database;
import org.reprotrack.store.PaperStore;

/** Seeds GitHub repositories through the real ingest path, and reads what audits recorded. */
public final class Seed {

    private Seed() {
    }

    /** The {@code owner/name} of the i-th seeded repository (1-based). */
    public static String repo(int i) {
        return String.format("lab/repo-%04d", i);
    }

    /** Ingests papers 2101.00001.. each linking {@code github.com/lab/repo-NNNN}. */
    public static void githubRepos(Database db, Path dir, int count) {
        StringBuilder csv = new StringBuilder("paper_id,url\n");
        for (int i = 1; i <= count; i++) {
            csv.append(String.format("2101.%05d,https://github.com/%s%n", i, repo(i)));
        }
        try {
            Path file = Files.createTempFile(dir, "urls", ".csv");
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            IngestReport report = new IngestService(new PaperStore(db.dataSource(), Clock.systemUTC()), new LinkExtractor())
                    .ingest(List.of(file), InputFormat.URLS, IngestListener.SILENT);
            for (FileResult r : report.files()) {
                if (!r.ok() || r.skippedCount() != 0) {
                    throw new IllegalStateException("the seed file must ingest cleanly: " + r);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of a query as lists of values. */
    public static List<List<Object>> rows(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                List<List<Object>> out = new ArrayList<>();
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int k = 1; k <= n; k++) {
                        row.add(rs.getObject(k));
                    }
                    out.add(row);
                }
                return out;
            }
        }
    }

    /** A single number. */
    public static long count(Connection c, String sql, Object... args) throws SQLException {
        return ((Number) rows(c, sql, args).get(0).get(0)).longValue();
    }

    /** Check results per repository key in one audit run. */
    public static Map<String, Long> checksPerRepo(Connection c, long runId) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (List<Object> row : rows(c, """
                SELECT r.repo_key, COUNT(cr.id) FROM repo r
                LEFT JOIN check_result cr ON cr.repo_id = r.id AND cr.audit_run_id = ?
                GROUP BY r.repo_key ORDER BY r.repo_key""", runId)) {
            out.put((String) row.get(0), ((Number) row.get(1)).longValue());
        }
        return out;
    }
}
