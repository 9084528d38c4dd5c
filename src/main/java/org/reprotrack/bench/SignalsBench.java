package org.reprotrack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.signals.Checklist;
import org.reprotrack.check.signals.ChecklistItem;
import org.reprotrack.check.signals.ChecklistScorer;
import org.reprotrack.check.signals.Placeholder;
import org.reprotrack.check.signals.PlaceholderDetector;

/**
 * {@code reprotrack bench signals}: runs {@link ChecklistScorer} and {@link PlaceholderDetector} on
 * every snapshot of a hand-labelled corpus, writes one prediction line per repository (the format
 * of the corpus's {@code score.py}), and, when {@code labels.jsonl} sits beside {@code repos/},
 * prints the same figures as {@code score.py}: per-item agreement (all labels, and without doubtful
 * ones), overall item agreement, exact checklist score, score-error histogram and placeholder
 * precision/recall, then every disagreement with the label's note. A measuring tool: it never fails
 * on a bad score.
 */
public final class SignalsBench {

    private final ObjectMapper json = new ObjectMapper();
    private final ChecklistScorer scorer = new ChecklistScorer();
    private final PlaceholderDetector detector = new PlaceholderDetector();
    private final PrintWriter out;

    public SignalsBench(PrintWriter out) {
        this.out = out;
    }

    /** One repository's predicted values, by score.py field name. */
    record Prediction(String repo, Map<String, Boolean> items, boolean placeholder, Map<String, String> evidence) {}

    /** Figures of one comparison, as score.py prints them. */
    record Figures(Map<String, int[]> perItem, Map<String, int[]> perItemClear, int okItems, int items, int exact,
            int repos, Map<String, Integer> scoreError, int tp, int fp, int fn, List<String> disagreements) {

        double itemAccuracy() {
            return items == 0 ? 0 : (double) okItems / items;
        }

        double precision() {
            return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        }
    }

    /** Scores the corpus; writes predictions to {@code predictions} when not null. */
    public void run(Path corpus, @Nullable Path predictions, boolean quiet) throws IOException {
        long start = System.nanoTime();
        List<SignalsCorpus.Snapshot> snapshots = new SignalsCorpus().read(corpus);
        List<Prediction> predicted = new ArrayList<>(snapshots.size());
        for (SignalsCorpus.Snapshot s : snapshots) {
            predicted.add(predict(s));
        }
        double ms = (System.nanoTime() - start) / 1e6;
        out.printf(Locale.ROOT, "signals bench: %d repositories from %s scored in %.0f ms (reading included)%n",
                predicted.size(), corpus, ms);
        if (predictions != null) {
            write(predicted, predictions);
            out.printf("predictions: %s%n", predictions);
        }
        Path labels = corpus.resolve("labels.jsonl");
        if (!Files.isRegularFile(labels)) {
            out.printf("no %s: predictions only, no figures%n", labels);
            out.flush();
            return;
        }
        print(compare(readLabels(labels), predicted), quiet);
        out.flush();
    }

    Prediction predict(SignalsCorpus.Snapshot s) {
        Checklist c = scorer.score(s.tree(), s.readme());
        Placeholder p = detector.detect(s.tree(), s.readme());
        Map<String, Boolean> items = new LinkedHashMap<>();
        Map<String, String> evidence = new LinkedHashMap<>();
        for (ChecklistItem item : ChecklistItem.values()) {
            items.put(item.key(), c.get(item).present());
            String ev = c.get(item).evidence();
            if (ev != null) {
                evidence.put(item.key(), ev);
            }
        }
        return new Prediction(s.repo(), items, p.placeholder(), evidence);
    }

    private void write(List<Prediction> predicted, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Prediction p : predicted) {
                ObjectNode line = json.createObjectNode();
                line.put("repo", p.repo());
                p.items().forEach(line::put);
                line.put("placeholder", p.placeholder());
                ObjectNode ev = line.putObject("evidence");
                p.evidence().forEach(ev::put);
                w.write(json.writeValueAsString(line));
                w.write('\n');
            }
        }
    }

    private List<JsonNode> readLabels(Path file) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int n = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    rows.add(json.readTree(line));
                } catch (IOException e) {
                    throw new IOException(file + ":" + n + ": not JSON (" + e.getMessage() + ")", e);
                }
            }
        }
        return rows;
    }

    static String norm(String repo) {
        String r = repo.strip().toLowerCase(Locale.ROOT);
        while (r.endsWith("/")) {
            r = r.substring(0, r.length() - 1);
        }
        for (String prefix : List.of("https://", "http://", "www.")) {
            if (r.startsWith(prefix)) {
                r = r.substring(prefix.length());
            }
        }
        if (r.startsWith("github.com/")) {
            r = r.substring("github.com/".length());
        }
        if (r.endsWith(".git")) {
            r = r.substring(0, r.length() - 4);
        }
        String[] parts = r.split("/");
        return parts.length >= 2 ? parts[0] + "/" + parts[1] : r;
    }

    /** The comparison score.py makes; a labelled repository without a prediction is wrong on every item. */
    Figures compare(List<JsonNode> labels, List<Prediction> predicted) {
        Map<String, Prediction> byRepo = new HashMap<>();
        predicted.forEach(p -> byRepo.put(norm(p.repo()), p));
        Map<String, int[]> perItem = new LinkedHashMap<>();
        Map<String, int[]> perItemClear = new LinkedHashMap<>();
        for (ChecklistItem item : ChecklistItem.values()) {
            perItem.put(item.key(), new int[2]);
            perItemClear.put(item.key(), new int[2]);
        }
        int ok = 0;
        int n = 0;
        int exact = 0;
        int tp = 0;
        int fp = 0;
        int fn = 0;
        Map<String, Integer> err = new TreeMap<>((a, b) -> Integer.compare(sortKey(a), sortKey(b)));
        List<String> lines = new ArrayList<>();
        for (JsonNode lab : labels) {
            String repo = lab.path("repo").asText();
            JsonNode notes = lab.path("notes");
            Set<String> doubt = new HashSet<>();
            lab.path("doubt").forEach(d -> doubt.add(d.asText()));
            Prediction p = byRepo.get(norm(repo));
            int want = 0;
            int got = 0;
            for (ChecklistItem item : ChecklistItem.values()) {
                String k = item.key();
                boolean w = lab.path("items").path(k).asBoolean(false);
                want += w ? 1 : 0;
                n++;
                perItem.get(k)[1]++;
                if (!doubt.contains(k)) {
                    perItemClear.get(k)[1]++;
                }
                if (p == null) {
                    continue;
                }
                boolean g = p.items().get(k);
                got += g ? 1 : 0;
                if (g == w) {
                    ok++;
                    perItem.get(k)[0]++;
                    if (!doubt.contains(k)) {
                        perItemClear.get(k)[0]++;
                    }
                } else {
                    lines.add(String.format(Locale.ROOT, "  %-60s %-17s label=%-5s got=%-5s%s%n      label note: %s%n      evidence: %s",
                            repo, k, w, g, doubt.contains(k) ? "  (doubtful label)" : "", notes.path(k).asText("-"),
                            p.evidence().getOrDefault(k, "-")));
                }
            }
            boolean phWant = lab.path("placeholder").asBoolean(false);
            if (p == null) {
                err.merge("missing", 1, Integer::sum);
                fn += phWant ? 1 : 0;
                lines.add("  MISSING prediction: " + repo);
                continue;
            }
            exact += got == want ? 1 : 0;
            err.merge(String.format(Locale.ROOT, "%+d", got - want), 1, Integer::sum);
            if (p.placeholder() && phWant) {
                tp++;
            } else if (p.placeholder()) {
                fp++;
                lines.add(String.format(Locale.ROOT, "  %-60s %-17s label=false got=true   FALSE PLACEHOLDER%n      label note: %s",
                        repo, "placeholder", notes.path("placeholder").asText("-")));
            } else if (phWant) {
                fn++;
                lines.add(String.format(Locale.ROOT, "  %-60s %-17s label=true  got=false  missed placeholder%s%n      label note: %s",
                        repo, "placeholder", doubt.contains("placeholder") ? "  (doubtful label)" : "",
                        notes.path("placeholder").asText("-")));
            }
        }
        return new Figures(perItem, perItemClear, ok, n, exact, labels.size(), err, tp, fp, fn, lines);
    }

    private static int sortKey(String k) {
        return k.equals("missing") ? Integer.MAX_VALUE : Integer.parseInt(k);
    }

    private void print(Figures f, boolean quiet) {
        out.printf("predictions vs labels: %d labelled repositories%n", f.repos());
        if (!quiet) {
            out.printf("disagreements (%d):%n", f.disagreements().size());
            out.println(f.disagreements().isEmpty() ? "  none" : String.join("\n", f.disagreements()));
        }
        out.println("per item (all labels | without doubtful labels):");
        for (ChecklistItem item : ChecklistItem.values()) {
            int[] a = f.perItem().get(item.key());
            int[] c = f.perItemClear().get(item.key());
            out.printf(Locale.ROOT, "  %-17s %3d/%-3d %5.1f%%   | %3d/%-3d %5.1f%%%n", item.key(), a[0], a[1], pct(a[0], a[1]),
                    c[0], c[1], pct(c[0], c[1]));
        }
        out.printf(Locale.ROOT, "items: %d/%d (%.1f%%)%n", f.okItems(), f.items(), 100.0 * f.itemAccuracy());
        out.printf(Locale.ROOT, "exact checklist score: %d/%d (%.1f%%)%n", f.exact(), f.repos(), pct(f.exact(), f.repos()));
        List<String> hist = new ArrayList<>();
        f.scoreError().forEach((k, v) -> hist.add(k + ": " + v));
        out.printf("score error (predicted - label): %s%n", String.join(", ", hist));
        out.printf(Locale.ROOT, "placeholder: flagged %d, right %d, false %d, missed %d; precision %.2f, recall %.2f%n",
                f.tp() + f.fp(), f.tp(), f.fp(), f.fn(), f.precision(), f.recall());
    }

    private static double pct(int a, int b) {
        return b == 0 ? 0 : 100.0 * a / b;
    }
}
