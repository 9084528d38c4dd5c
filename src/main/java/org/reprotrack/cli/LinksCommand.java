package org.reprotrack.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.reprotrack.store.LinkRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code reprotrack links}: lists every link found, code and other. */
@Command(name = "links", mixinStandardHelpOptions = true,
        description = {"Lists the links found in the papers, ordered by paper and position.",
                "kind is code (a repository on a code host, with its repo_key) or other."})
final class LinksCommand implements Callable<Integer> {

    private static final List<Column<LinkRow>> COLUMNS = List.of(
            new Column<>("paper_id", 16, LinkRow::paperId),
            new Column<>("kind", 5, LinkRow::kind),
            new Column<>("repo_key", 45, LinkRow::repoKey),
            new Column<>("status", 11, LinkRow::status),
            new Column<>("promised", 8, LinkRow::promised),
            new Column<>("in_comments", 11, LinkRow::inComments),
            new Column<>("host", 22, LinkRow::host),
            new Column<>("url", 70, LinkRow::url),
            new Column<>("context", 60, LinkRow::context));

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
        RowPrinter<LinkRow> printer = new RowPrinter<>(COLUMNS, format, out);
        root.app().paperStore().forEachLink(printer::print);
        out.flush();
        return Cli.OK;
    }
}
