package org.reprotrack.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.reprotrack.store.PaperRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code reprotrack papers}: lists the papers in the store. */
@Command(name = "papers", mixinStandardHelpOptions = true, description = "Lists the papers in the store, ordered by id.")
final class PapersCommand implements Callable<Integer> {

    private static final List<Column<PaperRow>> COLUMNS = List.of(
            new Column<>("paper_id", 16, PaperRow::id),
            new Column<>("version", 7, PaperRow::version),
            new Column<>("status", 12, p -> p.status().name()),
            new Column<>("title", 50, PaperRow::title),
            new Column<>("published", 10, p -> p.published() == null ? null : p.published().toString().substring(0, 10)),
            new Column<>("code_links", 10, PaperRow::codeLinks),
            new Column<>("other_links", 11, PaperRow::otherLinks),
            new Column<>("promised", 8, PaperRow::promised),
            new Column<>("authors", 40, PaperRow::authors));

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table, csv or json (one object per line) (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RowPrinter<PaperRow> printer = new RowPrinter<>(COLUMNS, format, out);
        root.app().paperStore().forEachPaper(printer::print);
        out.flush();
        if (printer.rows() == 0 && format == OutputFormat.table) {
            spec.commandLine().getErr().println("no papers yet: run `reprotrack ingest PATH` first");
        }
        return Cli.OK;
    }
}
