package org.reprotrack.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.reprotrack.config.Settings;
import org.reprotrack.web.Dashboard;
import org.reprotrack.web.DashboardStartException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code reprotrack serve}: the dashboard alone, until stopped (Ctrl-C). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the dashboard, the JSON API and the badges (read-only; admin writes only when the",
                "variable named by dashboard.admin_token_env is set). Listens on dashboard.host:dashboard.port,",
                "127.0.0.1:4567 by default. Stop with Ctrl-C."})
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "Port, overriding dashboard.port (0: any free port).")
    Integer port;

    @Option(names = "--host", paramLabel = "H", description = "Address to listen on, overriding dashboard.host.")
    String host;

    @Override
    public Integer call() throws InterruptedException {
        if (port != null && (port < 0 || port > 65535)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--port must be between 0 and 65535");
        }
        Settings.Dashboard d = root.app().settings().dashboard();
        d = d.withAddress(host != null ? host : d.host(), port != null ? port : d.port());
        PrintWriter out = spec.commandLine().getOut();
        try (StopSignals signals = StopSignals.install(spec.commandLine().getErr(), System.console() != null)) {
            Dashboard dashboard = root.app().dashboard(Optional::empty);
            int bound;
            try {
                bound = dashboard.start(d.host(), d.port());
            } catch (DashboardStartException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return Cli.FAILURE;
            }
            out.printf("Dashboard on http://%s:%d/ (Ctrl-C to stop)%n", d.host().contains(":") ? "[" + d.host() + "]" : d.host(), bound);
            out.flush();
            // Serve until SIGTERM or Ctrl-C. The stop runs here, not in a shutdown hook: Spark's stop calls
            // System.exit when Jetty's stop fails, which deadlocks inside a hook (seen under load). Then we
            // close the database ourselves (H2 no longer closes it from its own hook) and exit 143 or 130.
            signals.await();
            RunCommand.stopBounded(dashboard);
            root.close();
            return signals.exitCode() == 0 ? Cli.OK : signals.exitCode();
        }
    }
}
