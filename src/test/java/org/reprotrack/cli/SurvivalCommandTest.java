package org.reprotrack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reprotrack survival}: CSV to standard output or a file; bad choices are usage errors. */
class SurvivalCommandTest {

    @TempDir
    Path dir;

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--db=jdbc:h2:file:" + dir.resolve("data/reprotrack"))).toArray(String[]::new);
        int exit = Cli.run(all, Map.of(), new PrintWriter(out), new PrintWriter(err));
        return new String[] {Integer.toString(exit), out.toString(), err.toString()};
    }

    @Test
    void writesTheSummaryTableAndSaysWhatWasLeftOut() throws Exception {
        String[] r = run("survival", "--by", "year,host");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].startsWith("by,group,links,deaths,median_days,"), r[1]);
        assertTrue(r[2].contains("0 links observed"), r[2]);
        Path file = dir.resolve("steps.csv");
        assertEquals("0", run("survival", "--table", "steps", "--out", file.toString())[0]);
        assertTrue(Files.readString(file).startsWith("by,group,days,at_risk,deaths,censored,survival,std_err,lower_95,upper_95\r\n"));
    }

    @Test
    void anUnknownGroupingOrTableIsAUsageError() {
        String[] r = run("survival", "--by", "colour");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--by must be all, year, category, host, promised or score: colour"), r[2]);
        assertEquals("2", run("survival", "--table", "rows")[0]);
    }
}
