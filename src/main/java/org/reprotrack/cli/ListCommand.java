package org.reprotrack.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.reprotrack.App;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** A command that streams rows from the store as a table, CSV or JSON lines. */
abstract class ListCommand<T> implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table, csv or json (one object per line) (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    abstract List<Column<T>> columns();

    /** Feeds every row, in order, to the sink. */
    abstract void rows(App app, Consumer<T> sink);

    /** What to tell a user who sees an empty table, or null. */
    @Nullable String emptyHint() {
        return null;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RowPrinter<T> printer = new RowPrinter<>(columns(), format, out);
        rows(root.app(), printer::print);
        out.flush();
        String hint = emptyHint();
        if (printer.rows() == 0 && format == OutputFormat.table && hint != null) {
            spec.commandLine().getErr().println(hint);
        }
        return Cli.OK;
    }
}
