package org.reprotrack.cli;

import java.util.concurrent.Callable;
import org.reprotrack.config.Settings;
import org.reprotrack.ingest.ArxivClient;
import org.reprotrack.ingest.EnrichService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code reprotrack enrich}: fills titles, authors and dates from the arXiv API. */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = {"Fills titles, authors and dates of papers that lack them (listing text and URL lists carry none)",
                "from the arXiv API, in batches of up to 100 ids, one request every arxiv.min_interval_seconds."})
final class EnrichCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--limit", defaultValue = "0", paramLabel = "N", description = "Enrich at most N papers (0: all; default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--arxiv-api", paramLabel = "URL", description = "arXiv API query URL, overriding arxiv.api_url.")
    String arxivApi;

    @Override
    public Integer call() throws InterruptedException {
        Settings.Arxiv arxiv = root.app().settings().arxiv();
        ArxivClient client = root.app().arxivClient(arxivApi);
        EnrichService service = new EnrichService(root.app().paperStore(), client, arxiv.batchSize(), arxiv.maxAttempts());
        EnrichService.EnrichReport r = service.enrich(limit, line -> spec.commandLine().getErr().println("  " + line));
        spec.commandLine().getOut().printf("Enriched %d of %d papers asked; %d unknown to arXiv; %d batches failed%n",
                r.enriched(), r.asked(), r.unknownToArxiv(), r.failedBatches());
        if (r.failedBatches() > 0 && r.enriched() == 0) {
            spec.commandLine().getErr().println("error: the arXiv API could not be used (" + r.lastError()
                    + "); check arxiv.api_url and the network, then run `reprotrack enrich` again");
            return Cli.FAILURE;
        }
        return Cli.OK;
    }
}
