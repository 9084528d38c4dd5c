package org.reprotrack.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.reprotrack.report.SurvivalCsv;
import org.reprotrack.store.SurvivalStore;
import org.reprotrack.survival.Grouping;
import org.reprotrack.survival.SurvivalFigures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code reprotrack survival}: the Kaplan–Meier figures of code links as CSV (docs/survival.md). */
@Command(name = "survival", mixinStandardHelpOptions = true,
        description = {"Writes how long code links stay reachable as CSV: Kaplan-Meier estimates with 95 % bands (Greenwood,",
                "log-log), by publication year, arXiv primary category, code host, promise and checklist score band",
                "(docs/survival.md). Times are days since the paper's first version."})
final class SurvivalCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--by", split = ",", paramLabel = "GROUPING",
            description = "all, year, category, host, promised, score (comma-separated; default: every grouping).")
    List<String> by = new ArrayList<>();

    @Option(names = "--table", defaultValue = "summary", paramLabel = "TABLE",
            description = "summary (one row per group: median, S at 1, 3 and 5 years) or steps (the whole curves).")
    String table;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path out;

    @Override
    public Integer call() throws IOException {
        List<Grouping> groupings = new ArrayList<>();
        for (String b : by) {
            Grouping g = Grouping.of(b.strip());
            if (g == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--by must be all, year, category, host, promised or score: " + b);
            }
            groupings.add(g);
        }
        SurvivalCsv.Table t = switch (table) {
            case "summary" -> SurvivalCsv.Table.SUMMARY;
            case "steps" -> SurvivalCsv.Table.STEPS;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--table must be summary or steps: " + table);
        };
        SurvivalStore.Observations seen = new SurvivalStore(root.app().database().dataSource()).observations();
        SurvivalFigures figures = SurvivalFigures.of(seen.subjects(), seen.undated(), seen.unchecked(), root.app().clock().instant());
        String csv = SurvivalCsv.write(figures, groupings, t);
        if (out == null) {
            spec.commandLine().getOut().print(csv);
            spec.commandLine().getOut().flush();
        } else {
            Files.writeString(out, csv, StandardCharsets.UTF_8);
        }
        spec.commandLine().getErr().printf("survival: %d links observed, %d left out without a publication date (run enrich), %d not checked yet%n",
                figures.links(), figures.undated(), figures.unchecked());
        return Cli.OK;
    }
}
