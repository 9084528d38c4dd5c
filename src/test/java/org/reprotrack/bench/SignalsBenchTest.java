package org.reprotrack.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench signals} on a three-repository corpus written for this test. */
class SignalsBenchTest {

    private static Path corpus() throws URISyntaxException {
        return Path.of(SignalsBenchTest.class.getResource("/bench/signals-corpus/labels.jsonl").toURI()).getParent();
    }

    @Test
    void snapshotsBecomeTreesOfBlobsWithSubmodulesCountedAndNullReadmesEmpty() throws Exception {
        List<SignalsCorpus.Snapshot> s = new SignalsCorpus().read(corpus());
        assertEquals(List.of("alice/widgets", "bob/soon", "carol/noreadme"), s.stream().map(SignalsCorpus.Snapshot::repo).toList());
        assertEquals(4, s.get(0).tree().files().size(), "the submodule is not a file");
        assertEquals(1, s.get(0).submodules());
        assertEquals(4194304, s.get(0).tree().files().get(3).size(), "a lower-bound size is kept as the bound");
        assertEquals("", s.get(2).readme());
    }

    @Test
    void writesOnePredictionPerRepositoryAndPrintsTheScorePyFigures(@TempDir Path dir) throws Exception {
        StringWriter text = new StringWriter();
        Path out = dir.resolve("pred.jsonl");
        new SignalsBench(new PrintWriter(text)).run(corpus(), out, false);

        List<String> lines = Files.readAllLines(out);
        assertEquals(3, lines.size());
        JsonNode alice = new ObjectMapper().readTree(lines.get(0));
        assertEquals("alice/widgets", alice.get("repo").asText());
        assertTrue(alice.get("training_code").asBoolean());
        assertFalse(alice.get("evaluation_code").asBoolean());
        assertTrue(new ObjectMapper().readTree(lines.get(1)).get("placeholder").asBoolean());

        String report = text.toString();
        assertTrue(report.contains("  evaluation_code     2/3    66.7%   |   2/2   100.0%"), report);
        assertTrue(report.contains("items: 14/15 (93.3%)"), report);
        assertTrue(report.contains("exact checklist score: 2/3 (66.7%)"), report);
        assertTrue(report.contains("score error (predicted - label): -1: 1, +0: 2"), report);
        assertTrue(report.contains("placeholder: flagged 1, right 1, false 0, missed 0; precision 1.00, recall 1.00"), report);
        assertTrue(report.contains("alice/widgets") && report.contains("(doubtful label)"), "the disagreement is listed");
    }

    @Test
    void aFolderWithoutReposIsAClearError(@TempDir Path dir) {
        IOException e = assertThrows(IOException.class, () -> new SignalsBench(new PrintWriter(new StringWriter()))
                .run(dir, null, true));
        assertTrue(e.getMessage().contains("give --corpus the folder that holds repos/"), e.getMessage());
    }
}
