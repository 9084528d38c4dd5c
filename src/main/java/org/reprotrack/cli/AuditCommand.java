package org.reprotrack.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.reprotrack.audit.AuditException;
import org.reprotrack.audit.AuditService;
import org.reprotrack.audit.AuditSummary;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code reprotrack audit}: checks repositories and records the answers. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Checks code repositories (GitHub through its API, REST or GraphQL batches; GitLab, Hugging Face,",
                "Bitbucket, Codeberg, Gitee through theirs; others over plain HTTP) and appends each answer to the history.",
                "The GitHub token is read from the variable named by github.token_env (default GITHUB_TOKEN)."})
final class AuditCommand implements Callable<Integer> {

    static final class Scope {
        @Option(names = "--all", description = "Check every repository.")
        boolean all;

        @Option(names = "--due", description = "Check repositories whose next check is due, most overdue first (the default).")
        boolean due;
    }

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true)
    Scope scope;

    @Option(names = "--limit", defaultValue = "0", paramLabel = "N", description = "Check at most N repositories (0: no limit).")
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
        boolean terminal = System.console() != null;
        // SIGTERM or Ctrl-C: stop at the next checkpoint, record, close the database, then exit 143 or 130.
        try (StopSignals signals = StopSignals.install(err, terminal)) {
            AuditService service = root.app(githubApi).auditService();
            ProgressPrinter progress = new ProgressPrinter(err, terminal, Clock.systemUTC());
            AuditSummary s;
            try {
                s = service.run(new AuditService.Request(scope != null && scope.all, limit), progress, signals::requested);
            } catch (AuditException e) {
                progress.finish();
                err.println("error: " + e.getMessage());
                return signals.requested() ? signals.exitCode() : Cli.FAILURE;
            }
            progress.finish();
            if (signals.requested()) {
                int left = service.remaining(s.runId());
                root.close(); // the database is closed by us, after the audit ended, before the JVM goes
                out.println(stopped(s, left));
                out.flush();
                return signals.exitCode() == 0 ? Cli.FAILURE : signals.exitCode();
            }
            print(out, s);
            return Cli.OK;
        }
    }

    /** The one line a stopped audit prints: what was recorded, and what the next start picks up. */
    static String stopped(AuditSummary s, int left) {
        int pages = s.pageVerdicts().values().stream().mapToInt(Integer::intValue).sum();
        return String.format("stopped: %,d checks recorded in audit run %d%s; %s", s.checked() + pages, s.runId(),
                s.requests() == 0 ? "" : String.format(" (%,d GitHub requests)", s.requests()),
                left == 0 ? "nothing left: the run is finished"
                        : String.format("%,d left for the next run (`reprotrack audit` resumes it)", left));
    }

    private static void print(PrintWriter out, AuditSummary s) {
        double seconds = Math.max(0.001, s.elapsed().toMillis() / 1000.0);
        out.printf("Audit run %d: %,d checked in %.1f s (%.1f/s); GitHub requests %,d; rate-limit waits %d (%s)%n",
                s.runId(), s.checked(), seconds, s.checked() / seconds, s.requests(), s.waits(),
                ProgressPrinter.formatDuration(s.waited()));
        out.println("Verdicts: " + (s.verdicts().isEmpty() ? "none (nothing was due)" : join(s.verdicts())));
        if (!s.pageVerdicts().isEmpty()) {
            out.println("Other links (plain HTTP): " + join(s.pageVerdicts()));
        }
        section(out, "Newly dead (confirmed across the grace period)", s.newlyDead());
        section(out, "Recovered", s.recovered());
        section(out, "Moved", s.moved().entrySet().stream().map(e -> e.getKey() + " -> " + e.getValue()).toList());
        section(out, "Failing (dead answer, re-checked before it counts)", s.startedFailing());
        out.printf("Still due: %,d%n", s.stillDue());
    }

    private static String join(Map<String, Integer> counts) {
        return String.join(", ", new java.util.TreeMap<>(counts).entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    }

    private static void section(PrintWriter out, String title, List<String> keys) {
        out.printf("%s: %d%n", title, keys.size());
        keys.stream().limit(20).forEach(k -> out.println("  " + k));
        if (keys.size() > 20) {
            out.printf("  ... and %d more (see `reprotrack repos --status ...`)%n", keys.size() - 20);
        }
    }
}
