package org.reprotrack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.reprotrack.ingest.InputException;
import org.reprotrack.ingest.ListingReader;
import org.reprotrack.ingest.RecordSink;
import org.reprotrack.links.Link;
import org.reprotrack.links.LinkExtractor;
import org.reprotrack.links.LinkKind;
import org.reprotrack.links.PaperPromises;
import org.reprotrack.links.RepoRef;

/**
 * Scores {@link LinkExtractor} against hand-labelled papers: precision and recall of code-link
 * repository keys, the share of papers whose code links are exactly right, agreement on "promised",
 * and every miss and false link.
 *
 * <p>Usage: {@code ExtractionScore <arxiv-metadata.jsonl | arxiv-listing.txt> <labels.jsonl> [more-labels.jsonl ...]};
 * each labels file is scored on its own. A measuring tool, not part of the pipeline: it prints and
 * never fails on a bad score.
 */
public final class ExtractionScore {

    private final ObjectMapper json = new ObjectMapper();
    private final LinkExtractor extractor = new LinkExtractor();
    private final PaperPromises paperPromises = new PaperPromises();
    private final PrintStream out;

    ExtractionScore(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: ExtractionScore <arxiv-metadata.jsonl> <labels.jsonl> [labels.jsonl ...]");
            System.exit(2);
        }
        ExtractionScore score = new ExtractionScore(System.out);
        List<Path> labelFiles = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            labelFiles.add(Path.of(args[i]));
        }
        score.run(Path.of(args[0]), labelFiles);
    }

    private record Label(Set<String> codeLinks, boolean promised) {}

    private record Paper(@Nullable String abstractText, @Nullable String comments) {}

    void run(Path metadata, List<Path> labelFiles) throws IOException {
        Map<String, Map<String, Label>> labelSets = new TreeMap<>();
        Map<String, Label> wanted = new HashMap<>();
        for (Path file : labelFiles) {
            Map<String, Label> labels = readLabels(file);
            labelSets.put(file.getFileName().toString(), labels);
            wanted.putAll(labels);
        }
        Map<String, Paper> papers = readPapers(metadata, wanted.keySet());
        for (Map.Entry<String, Map<String, Label>> set : labelSets.entrySet()) {
            score(set.getKey(), set.getValue(), papers);
        }
    }

    private void score(String name, Map<String, Label> labels, Map<String, Paper> papers) {
        int truePos = 0;
        int falsePos = 0;
        int falseNeg = 0;
        int exact = 0;
        int promiseAgree = 0;
        int paperPromiseAgree = 0;
        int missingPapers = 0;
        List<String> report = new ArrayList<>();
        for (Map.Entry<String, Label> e : new TreeMap<>(labels).entrySet()) {
            Paper paper = papers.get(e.getKey());
            if (paper == null) {
                missingPapers++;
                continue;
            }
            List<Link> links = extractor.extract(paper.abstractText(), paper.comments());
            Set<String> found = new TreeSet<>();
            boolean promised = false;
            for (Link link : links) {
                RepoRef repo = link.repo();
                if (link.kind() == LinkKind.CODE && repo != null) {
                    found.add(repo.key());
                    promised |= link.promised();
                }
            }
            Set<String> expected = e.getValue().codeLinks();
            for (String key : found) {
                if (expected.contains(key)) {
                    truePos++;
                } else {
                    falsePos++;
                    report.add("FALSE " + e.getKey() + " " + key);
                }
            }
            for (String key : expected) {
                if (!found.contains(key)) {
                    falseNeg++;
                    report.add("MISS  " + e.getKey() + " " + key + "   found=" + found);
                }
            }
            if (found.equals(expected)) {
                exact++;
            }
            boolean anyLinkPromised = links.stream().anyMatch(l -> l.kind() == LinkKind.CODE && l.promised());
            boolean paperPromised = anyLinkPromised || paperPromises.promised(paper.abstractText(), paper.comments());
            if (paperPromised == e.getValue().promised()) {
                paperPromiseAgree++;
            } else {
                report.add("PAPER-PROMISE " + e.getKey() + " label=" + e.getValue().promised() + " found=" + paperPromised
                        + (paperPromised ? " \"" + paperPromises.promise(paper.abstractText(), paper.comments()) + "\"" : ""));
            }
            if (promised == e.getValue().promised()) {
                promiseAgree++;
            } else if (!expected.isEmpty()) {
                report.add("PROMISE " + e.getKey() + " label=" + e.getValue().promised() + " found=" + promised);
            }
        }
        int scored = labels.size() - missingPapers;
        out.printf("== %s: %d papers (%d not in metadata)%n", name, scored, missingPapers);
        out.printf("precision %.4f  recall %.4f  exact %d/%d = %.4f  promised agree %d/%d%n",
                ratio(truePos, truePos + falsePos), ratio(truePos, truePos + falseNeg),
                exact, scored, ratio(exact, scored), promiseAgree, scored);
        out.printf("paper-level promised agree %d/%d (any sentence of abstract or comments, with or without a link)%n",
                paperPromiseAgree, scored);
        out.printf("tp=%d fp=%d fn=%d%n", truePos, falsePos, falseNeg);
        report.forEach(out::println);
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 1.0 : (double) a / b;
    }

    private Map<String, Label> readLabels(Path file) throws IOException {
        Map<String, Label> labels = new HashMap<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                Set<String> keys = new TreeSet<>();
                node.path("code_links").forEach(k -> keys.add(k.asText()));
                labels.put(node.path("arxiv_id").asText(), new Label(keys, node.path("promised").asBoolean()));
            }
        }
        return labels;
    }

    private Map<String, Paper> readPapers(Path metadata, Set<String> ids) throws IOException {
        Map<String, Paper> papers = new HashMap<>();
        if (metadata.getFileName().toString().endsWith(".txt")) {
            // arXiv listing text (the same abstracts as the metadata, with line breaks turned into spaces)
            try (java.io.InputStream in = Files.newInputStream(metadata)) {
                new ListingReader().read(in, new RecordSink() {
                    @Override
                    public void accept(org.reprotrack.paper.Paper p) {
                        if (ids.contains(p.id())) {
                            papers.put(p.id(), new Paper(p.abstractText(), p.comments()));
                        }
                    }

                    @Override
                    public void skip(long line, String reason) {
                        out.println("skipped line " + line + ": " + reason);
                    }
                });
            } catch (InputException e) {
                throw new IOException(e.getMessage(), e);
            }
            return papers;
        }
        try (BufferedReader r = Files.newBufferedReader(metadata, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                String id = node.path("id").asText();
                if (ids.contains(id)) {
                    papers.put(id, new Paper(text(node, "abstract"), text(node, "comments")));
                }
            }
        }
        return papers;
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
