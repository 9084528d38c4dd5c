package org.reprotrack.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report folder lists and opens only files the app wrote, for the dashboard's downloads. */
class ReportFilesTest {

    @TempDir
    Path dir;

    @Test
    void listsOnlyReportFilesNewestFirstWithLatestOnTop() throws IOException {
        ReportFiles files = new ReportFiles(dir.resolve("reports"));
        files.write(ReportFiles.datedName(LocalDate.parse("2026-01-09"), "md"), "old");
        files.write(ReportFiles.datedName(LocalDate.parse("2026-01-10"), "csv"), "new");
        files.write(ReportFiles.latestName("csv"), "new");
        Files.writeString(dir.resolve("reports/README.md"), "not ours");
        Files.writeString(dir.resolve("reports/dead-links-2026-01-10.exe"), "not ours");
        Files.writeString(dir.resolve("reports/notes-2026-01-10.md"), "not ours");
        Files.createDirectory(dir.resolve("reports/dead-links-2026-01-11.md"));

        List<String> names = files.list().stream().map(ReportFile::name).toList();

        assertEquals(List.of("dead-links-latest.csv", "dead-links-2026-01-10.csv", "dead-links-2026-01-09.md"), names);
        assertEquals(LocalDate.parse("2026-01-10"), files.list().get(1).date());
        assertEquals("csv", files.list().get(1).extension());
    }

    @Test
    void namesThatLeaveTheFolderOrAreNotReportsAreNotFound() {
        ReportFiles files = new ReportFiles(dir);
        files.write(ReportFiles.latestName("md"), "x");

        assertTrue(files.find("dead-links-latest.md").isPresent());
        for (String bad : List.of("../dead-links-latest.md", "/etc/passwd", "..%2Fdead-links-latest.md",
                "dead-links-latest.md/../../x", "dead-links-latest.md\u0000", "README.md", "")) {
            assertTrue(files.find(bad).isEmpty(), bad);
        }
    }

    @Test
    void symbolicLinkWithAReportNameIsNotOffered() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "secret");
        Path reports = Files.createDirectory(dir.resolve("reports"));
        try {
            Files.createSymbolicLink(reports.resolve("dead-links-latest.html"), secret);
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("no symbolic links here");
        }

        ReportFiles files = new ReportFiles(reports);

        assertTrue(files.list().isEmpty());
        assertTrue(files.find("dead-links-latest.html").isEmpty());
    }

    @Test
    void writingUnderAnotherNameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ReportFiles(dir).write("../evil.md", "x"));
    }
}
