package org.reprotrack.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.reprotrack.App;
import org.reprotrack.collection.CollectionName;
import org.reprotrack.collection.CollectionService;
import org.reprotrack.collection.Entries;
import org.reprotrack.ingest.ArxivException;
import org.reprotrack.store.CollectionRow;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code reprotrack collection}: named lists of papers (issue 17). */
@Command(name = "collection", mixinStandardHelpOptions = true,
        description = {"Named lists of papers (a conference's accepted papers, a journal's, a lab's): the scope of",
                "/collections/NAME on the dashboard, ?collection=NAME on the API, report --collection NAME and of",
                "the feeds and webhooks."},
        subcommands = {CollectionCommand.Add.class, CollectionCommand.ListAll.class, CollectionCommand.Remove.class,
                CollectionCommand.Priority.class})
final class CollectionCommand implements Runnable {

    /** Unresolved entries and untracked papers printed by name; the rest are counted. */
    static final int SHOWN = 5;

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: add, list, remove or priority");
    }

    /** {@code collection add NAME (FILE | --arxiv-query Q | --filter F)}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Creates a collection or adds papers to it, from a file (one arXiv id, arXiv URL or arXiv DOI a line,",
                    "or CSV rows: the first cell naming a paper is taken), from an arXiv API query, or from the dashboard's",
                    "filters. Entries that name no paper are reported (count and the first few), never dropped silently;",
                    "papers not ingested yet are kept and join the pages once ingested."})
    static final class Add implements Callable<Integer> {

        @ParentCommand
        CollectionCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "Lower-case letters, digits, '.', '_', '-' (e.g. neurips-2026).")
        String name;

        @Parameters(index = "1", arity = "0..1", paramLabel = "FILE", description = "List of papers, one a line or CSV.")
        @Nullable Path file;

        @Option(names = "--arxiv-query", paramLabel = "QUERY",
                description = "arXiv API search_query, e.g. 'cat:cs.CV AND submittedDate:[202506010000 TO 202506302359]'.")
        @Nullable String query;

        @Option(names = "--max", defaultValue = "10000", paramLabel = "N", description = "At most N papers from --arxiv-query (default: ${DEFAULT-VALUE}).")
        int max;

        @Option(names = "--arxiv-api", paramLabel = "URL", description = "arXiv API URL (default: arxiv.api_url).")
        @Nullable String arxivApi;

        @Option(names = "--filter", paramLabel = "FILTER",
                description = "The dashboard's paper filters as in its address, e.g. 'status=code_gone&year=2024&host=github.com'.")
        @Nullable String filter;

        @Option(names = "--replace", description = "The collection holds exactly these papers afterwards (others are removed from it).")
        boolean replace;

        @Override
        public Integer call() throws InterruptedException {
            int sources = (file != null ? 1 : 0) + (query != null ? 1 : 0) + (filter != null ? 1 : 0);
            if (sources != 1) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "give exactly one of FILE, --arxiv-query or --filter");
            }
            App app = parent.root.app();
            CollectionService service = app.collectionService();
            PrintWriter out = spec.commandLine().getOut();
            CollectionService.Outcome o;
            try {
                CollectionName.require(name);
                if (file != null) {
                    o = service.fromFile(name, file, replace);
                } else if (query != null) {
                    if (max < 1) {
                        throw new IllegalArgumentException("--max must be at least 1");
                    }
                    o = service.fromQuery(name, query, app.arxivClient(arxivApi), max, line -> {
                        out.println(line);
                        out.flush();
                    });
                } else {
                    o = service.fromFilter(name, filter, app.settings().signals().promiseDays(), replace);
                }
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage());
            } catch (IOException e) {
                throw new UserException("cannot read the list: " + e.getMessage());
            } catch (ArxivException e) {
                throw new UserException(e.getMessage() + "; nothing was changed, try again later");
            }
            print(o, out);
            return Cli.OK;
        }

        private static void print(CollectionService.Outcome o, PrintWriter out) {
            out.printf("Collection %s %s: %d papers read, %d added, %d already in it%s%n", o.name(),
                    o.added().created() ? "created" : "updated", o.read(), o.added().added(), o.added().alreadyThere(),
                    o.added().removed() > 0 ? ", " + o.added().removed() + " removed" : "");
            if (!o.unresolved().isEmpty()) {
                out.printf("%d entries name no paper and were not added:%n", o.unresolved().size());
                for (Entries.Unresolved u : o.unresolved().subList(0, Math.min(SHOWN, o.unresolved().size()))) {
                    out.printf("  line %d: %s (%s)%n", u.line(), u.text(), u.reason());
                }
                if (o.unresolved().size() > SHOWN) {
                    out.printf("  ... and %d more%n", o.unresolved().size() - SHOWN);
                }
            }
            if (!o.notTracked().isEmpty()) {
                List<String> shown = o.notTracked().subList(0, Math.min(SHOWN, o.notTracked().size()));
                out.printf("%d papers are not ingested yet (%s%s); they are kept and appear once ingested,"
                        + " e.g. reprotrack ingest arxiv:id_list=%s%n", o.notTracked().size(), String.join(", ", shown),
                        o.notTracked().size() > SHOWN ? ", ..." : "", String.join(",", shown));
            }
            out.flush();
        }
    }

    /** {@code collection list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the collections: papers, how many are ingested, priority, source.")
    static final class ListAll implements Callable<Integer> {

        @ParentCommand
        CollectionCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
                description = "table, csv or json (one object per line) (default: ${DEFAULT-VALUE}).")
        OutputFormat format;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            RowPrinter<CollectionRow> printer = new RowPrinter<>(List.of(
                    new Column<>("name", 24, CollectionRow::name),
                    new Column<>("papers", 7, CollectionRow::papers),
                    new Column<>("tracked", 7, CollectionRow::tracked),
                    new Column<>("priority", 8, CollectionRow::priority),
                    new Column<>("updated", 20, CollectionRow::updatedAt),
                    new Column<>("source", 40, CollectionRow::source)), format, out);
            parent.root.app().collectionStore().list().forEach(printer::print);
            out.flush();
            if (printer.rows() == 0 && format == OutputFormat.table) {
                spec.commandLine().getErr().println("No collections yet: reprotrack collection add NAME FILE");
            }
            return Cli.OK;
        }
    }

    /** {@code collection remove NAME}. */
    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes a collection (its papers stay tracked).")
    static final class Remove implements Callable<Integer> {

        @ParentCommand
        CollectionCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            if (!parent.root.app().collectionStore().remove(name)) {
                throw new UserException("there is no collection named '" + name + "' (see reprotrack collection list)");
            }
            spec.commandLine().getOut().println("Collection " + name + " removed; its papers stay tracked.");
            return Cli.OK;
        }
    }

    /** {@code collection priority NAME on|off}. */
    @Command(name = "priority", mixinStandardHelpOptions = true,
            description = {"Gives a collection's repositories priority in audits (planned first, so they are checked",
                    "when the budget is short), or takes it away."})
    static final class Priority implements Callable<Integer> {

        @ParentCommand
        CollectionCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @ArgGroup(exclusive = true, multiplicity = "1")
        OnOff onOff;

        static final class OnOff {
            @Option(names = "--on", required = true, description = "Audit its repositories first.")
            boolean on;

            @Option(names = "--off", required = true, description = "Back to the normal order.")
            boolean off;
        }

        @Override
        public Integer call() {
            boolean on = onOff.on;
            if (!parent.root.app().collectionStore().setPriority(name, on)) {
                throw new UserException("there is no collection named '" + name + "' (see reprotrack collection list)");
            }
            spec.commandLine().getOut().println("Collection " + name + (on ? " now has audit priority." : " has no audit priority."));
            return Cli.OK;
        }
    }
}
