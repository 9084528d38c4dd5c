package org.reprotrack.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.reprotrack.signals.SignalService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code reprotrack signals}: refreshes reproducibility signals of reachable GitHub repositories. */
@Command(name = "signals", mixinStandardHelpOptions = true,
        description = {"Reads the file tree and README of reachable GitHub repositories whose signals are stale",
                "(never read, or pushed_at/ETag moved since) and scores them on the ML Code Completeness Checklist",
                "(docs/checklist.md). Conditional requests; the audit's rate limits apply. Placeholders found here",
                "become the repository's status at its next audit."})
final class SignalsCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--limit", defaultValue = "0", paramLabel = "N", description = "Refresh at most N repositories (0: no limit).")
    int limit;

    @Option(names = "--github-api", paramLabel = "URL", description = "GitHub REST API base URL, overriding github.api_url.")
    String githubApi;

    @Override
    public Integer call() {
        if (limit < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit must not be negative");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SignalService.Summary s = root.app(githubApi).refreshSignals(limit,
                (resource, until, reason) -> err.println("waiting: " + reason + " until " + until));
        int total = s.outcomes().values().stream().mapToInt(Integer::intValue).sum();
        out.printf("Signals: %d repositories; %s; placeholders %d; GitHub requests %d%n", total,
                s.outcomes().isEmpty() ? "nothing was stale" : join(s.outcomes()), s.placeholders(), s.requests());
        return Cli.OK;
    }

    private static String join(Map<SignalService.Outcome, Integer> counts) {
        return String.join(", ", counts.entrySet().stream()
                .map(e -> e.getKey().name().toLowerCase(java.util.Locale.ROOT) + " " + e.getValue()).toList());
    }
}
