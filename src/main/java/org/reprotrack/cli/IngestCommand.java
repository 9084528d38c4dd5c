package org.reprotrack.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.reprotrack.ingest.FileResult;
import org.reprotrack.ingest.IngestListener;
import org.reprotrack.ingest.IngestReport;
import org.reprotrack.ingest.InputFormat;
import org.reprotrack.ingest.ProblemLog;
import org.reprotrack.store.IngestCounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code reprotrack ingest}: reads papers and their links into the store. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Reads papers from files or folders and extracts their code links.",
                "Formats: arXiv listing text, arXiv metadata JSON lines, arXiv API Atom, URL lists (paper_id,url).",
                "Each file is one transaction: a file that fails is rolled back, the others are kept."})
final class IngestCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "auto", paramLabel = "FORMAT",
            description = "auto, listing, jsonl, atom or urls (default: ${DEFAULT-VALUE}, detected per file).")
    InputFormat format;

    @Parameters(paramLabel = "SOURCE", arity = "0..*",
            description = {"Files or folders to read, or arXiv API queries written arxiv:QUERY",
                    "(e.g. 'arxiv:cat:cs.CV AND submittedDate:[202508010000 TO 202508072359]');",
                    "default: ingest.sources of the config."})
    List<String> paths = new ArrayList<>();

    @Option(names = "--arxiv-api", paramLabel = "URL", description = "arXiv API query URL, overriding arxiv.api_url.")
    String arxivApi;

    @Override
    public Integer call() throws InterruptedException {
        List<String> targets = paths;
        if (targets.isEmpty()) {
            targets = root.app().settings().ingest().sources();
            if (targets.isEmpty()) {
                throw new UserException("no PATH given and ingest.sources is empty in the config; name a file or folder to read");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        IngestReport report = root.app().ingestService().ingestSources(targets, format, root.app().arxivClient(arxivApi), new IngestListener() {
            @Override
            public void progress(String file, long papersRead) {
                err.printf("  %s: %,d papers read...%n", file, papersRead);
                err.flush();
            }

            @Override
            public void fileDone(FileResult result) {
                printFile(out, result);
            }
        });
        out.printf("Total: %d file(s), %d failed; papers read %,d: %,d new, %,d updated, %,d unchanged; "
                        + "code links %,d, other links %,d; records skipped %,d%n",
                report.files().size(), report.filesFailed(), report.papersRead(), report.papersNew(),
                report.papersUpdated(), report.papersUnchanged(), report.codeLinks(), report.otherLinks(),
                report.recordsSkipped());
        if (report.filesFailed() > 0) {
            err.println("error: " + report.filesFailed() + " file(s) were not ingested; see the reasons above, fix them and ingest those files again");
            return Cli.FAILURE;
        }
        return Cli.OK;
    }

    private static void printFile(PrintWriter out, FileResult r) {
        IngestCounts c = r.counts();
        String format = r.format() == null ? "" : " (" + r.format().name().toLowerCase(java.util.Locale.ROOT) + ")";
        if (c != null) {
            out.printf("%s%s: %,d papers read: %,d new, %,d updated, %,d unchanged; code links %,d, other links %,d%n",
                    r.file(), format, c.papersRead(), c.papersNew(), c.papersUpdated(), c.papersUnchanged(),
                    c.codeLinks(), c.otherLinks());
        } else {
            out.printf("%s%s: FAILED: %s%n", r.file(), format, r.failure());
        }
        for (ProblemLog.Problem p : r.skipped()) {
            out.printf("  %s: skipped %s%n", r.file(), p);
        }
        if (r.skippedCount() > r.skipped().size()) {
            out.printf("  %s: ... and %,d more records skipped%n", r.file(), r.skippedCount() - r.skipped().size());
        }
        out.flush();
    }
}
