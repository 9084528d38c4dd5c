package org.reprotrack.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.reprotrack.store.BulkWriter;
import org.reprotrack.store.Database;

/**
 * Generates the dashboard benchmark's data set (BENCHMARKS.md, "Dashboard") into a new H2 file:
 * papers spread over 2019-2025, 13 % of them with code links, repositories checked once a day
 * with seeded fates (healthy, archived, moved, dead, empty, dead then back), an audit run per
 * day, and the check history, all with batched inserts. Deterministic for a given size.
 */
public final class DashboardData {

    private static final String[] WORDS = ("learning neural robust graph transformer diffusion sparse efficient "
            + "benchmark dataset vision language model reinforcement policy optimisation federated causal "
            + "attention retrieval segmentation detection contrastive generative adversarial kernel bayesian").split(" ");

    private final PrintWriter out;

    public DashboardData(PrintWriter out) {
        this.out = out;
    }

    /** Writes the data set into {@code <dir>/dashboard.mv.db}; returns its JDBC URL. */
    public String generate(int papers, long history, Path dir) throws java.io.IOException {
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve("dashboard.mv.db"));
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("dashboard");
        long start = System.nanoTime();
        Random rnd = new Random(42);
        int codePapers = Math.max(1, papers * 13 / 100);
        int repos = Math.max(1, papers * 15 / 100);
        int days = (int) Math.max(2, Math.ceil(history / (repos * 5.0 / 6.0)));
        Instant today = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant first = today.minus(days - 1, ChronoUnit.DAYS);
        int[] firstDay = new int[repos];
        int[] fate = new int[repos];
        int[] fateDay = new int[repos];
        for (int r = 0; r < repos; r++) {
            firstDay[r] = rnd.nextInt(Math.max(1, days / 3));
            int f = rnd.nextInt(100);
            fate[r] = f < 70 ? 0 : f < 75 ? 1 : f < 79 ? 2 : f < 94 ? 3 : f < 97 ? 4 : 5;
            fateDay[r] = firstDay[r] + 1 + rnd.nextInt(Math.max(1, days - firstDay[r] - 1));
        }
        long rows = 0;
        try (Database db = Database.open(url, "sa", "", 4); BulkWriter w = new BulkWriter(db.dataSource())) {
            for (int p = 0; p < papers; p++) {
                int month = (int) ((long) p * 84 / papers);
                LocalDate d = LocalDate.of(2019, 1, 1).plusMonths(month).plusDays(p % 28);
                String id = String.format("%02d%02d.%05d", d.getYear() % 100, d.getMonthValue(), p % 100_000);
                String title = words(rnd, 6 + rnd.nextInt(6));
                String text = words(rnd, 50) + (p % (papers / codePapers) == 0 && p / (papers / codePapers) < codePapers
                        ? " Code: https://github.com/lab" + p + "/project" : "") + ".";
                w.paper(id, Character.toUpperCase(title.charAt(0)) + title.substring(1), text, "A. Author, B. Author",
                        d.atStartOfDay(ZoneOffset.UTC).toInstant(), rnd.nextLong(), first);
            }
            for (int r = 0; r < repos; r++) {
                State s = state(fate[r], fateDay[r], days - 1);
                Instant seen = first.plus(firstDay[r], ChronoUnit.DAYS);
                Instant since = first.plus(s.since(firstDay[r], fateDay[r]), ChronoUnit.DAYS);
                w.repo(r + 1, "Lab" + r + "/Project" + r, seen, s.current, since, s.http, fate[r] == 2 ? "lab" + r + "/renamed" : null,
                        today, s.dead ? since : null, s.dead ? since.minus(1, ChronoUnit.DAYS) : today, rnd.nextInt(5000), fate[r] == 1);
                int paperIndex = (r % codePapers) * (papers / codePapers);
                int month = (int) ((long) paperIndex * 84 / papers);
                LocalDate d = LocalDate.of(2019, 1, 1).plusMonths(month);
                String paperId = String.format("%02d%02d.%05d", d.getYear() % 100, d.getMonthValue(), paperIndex % 100_000);
                w.link(paperId, r / codePapers, "https://github.com/Lab" + r + "/Project" + r, r + 1, "Code: https://github.com/Lab" + r);
            }
            for (int day = 0; day < days && rows < history; day++) {
                Instant at = first.plus(day, ChronoUnit.DAYS).plusSeconds(3600);
                int checked = 0;
                for (int r = 0; r < repos; r++) {
                    checked += day >= firstDay[r] ? 1 : 0;
                }
                w.auditRun(day + 1L, at, at.plusSeconds(600), checked, "{\"OK\":" + checked + "}",
                        "{\"newly_dead\":[],\"recovered\":[],\"moved\":{}}");
                for (int r = 0; r < repos && rows < history; r++) {
                    if (day < firstDay[r]) {
                        continue;
                    }
                    State s = state(fate[r], fateDay[r], day);
                    State before = day == firstDay[r] ? null : state(fate[r], fateDay[r], day - 1);
                    w.check(r + 1, day + 1L, at.plusMillis(r), s.verdict, s.http, fate[r] == 2 && s.verdict.equals("MOVED") ? "lab" + r + "/renamed" : null,
                            before == null || !before.current.equals(s.current));
                    rows++;
                }
                if (day % 30 == 0) {
                    out.printf("  day %d of %d, %,d history rows%n", day, days, rows);
                    out.flush();
                }
            }
            w.flush();
            w.fillHistoryViews();
        }
        out.printf("Generated %,d papers, %,d repositories, %,d history rows over %d days in %.1f s into %s%n",
                papers, repos, rows, days, (System.nanoTime() - start) / 1e9, url);
        return url;
    }

    /** What a repository of a fate answers on a day: 0 healthy, 1 archived, 2 moved, 3 dead, 4 empty, 5 dead then back. */
    private static State state(int fate, int fateDay, int day) {
        boolean after = day >= fateDay;
        return switch (fate) {
            case 1 -> after ? new State("ARCHIVED", "ARCHIVED", 200, false) : State.OK;
            case 2 -> after ? new State("MOVED", "MOVED", 301, false) : State.OK;
            case 3 -> !after ? State.OK : day == fateDay ? new State("FAILING", "NOT_FOUND", 404, false) : new State("NOT_FOUND", "NOT_FOUND", 404, true);
            case 4 -> new State("EMPTY", "EMPTY", 409, false);
            case 5 -> !after || day > fateDay + 10 ? State.OK : day == fateDay ? new State("FAILING", "NOT_FOUND", 404, false)
                    : new State("NOT_FOUND", "NOT_FOUND", 404, true);
            default -> State.OK;
        };
    }

    private record State(String current, String verdict, int http, boolean dead) {
        static final State OK = new State("OK", "OK", 200, false);

        int since(int firstDay, int fateDay) {
            return current.equals("OK") || current.equals("EMPTY") ? firstDay : dead ? fateDay + 1 : fateDay;
        }
    }

    private static String words(Random rnd, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(WORDS[rnd.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }
}
