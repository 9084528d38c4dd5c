package org.reprotrack.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.reprotrack.App;
import org.reprotrack.config.Settings;
import org.reprotrack.config.SettingsLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code reprotrack}: the global options and the list of commands. */
@Command(
        name = "reprotrack",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Tracks which research papers still have reachable code.",
        subcommands = {RunCommand.class, StatusCommand.class, IngestCommand.class, EnrichCommand.class, AuditCommand.class, PapersCommand.class, LinksCommand.class, ReposCommand.class, ReportCommand.class, CollectionCommand.class, NotifyCommand.class, SignalsCommand.class, SurvivalCommand.class, PreserveCommand.class, ServeCommand.class, BenchCommand.class,
                picocli.CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 failure, 2 usage error; audit, run and serve stopped by Ctrl-C or SIGTERM: 130 or 143.",
                "Configuration: config/reprotrack.yml, REPROTRACK_* environment variables, then flags."})
public final class RootCommand implements Runnable, AutoCloseable {

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Config file (default: $REPROTRACK_CONFIG, else config/reprotrack.yml if present, else built-in defaults).")
    @Nullable Path config;

    @Option(names = "--db", scope = ScopeType.INHERIT, paramLabel = "JDBC_URL",
            description = "Database URL, overriding database.url (e.g. jdbc:h2:file:./data/reprotrack).")
    @Nullable String db;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.@Nullable CommandSpec spec;

    private final Map<String, String> env;
    private @Nullable App app;

    RootCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a command is required (see --help)");
    }

    /** The environment the command runs in. */
    Map<String, String> env() {
        return env;
    }

    /** The application, built on first use from the config and the global flags. */
    App app() {
        return app(null);
    }

    /**
     * The application, with the GitHub API base URL overridden when a command's
     * {@code --github-api} flag gives one.
     */
    App app(@Nullable String githubApi) {
        if (app == null) {
            Settings settings = new SettingsLoader().load(config, env);
            if (db != null) {
                settings = settings.withDatabaseUrl(db);
            }
            if (githubApi != null) {
                settings = settings.withGitHubApiUrl(githubApi);
            }
            app = new App(settings, Clock.systemUTC(), env);
        }
        return app;
    }

    @Override
    public void close() {
        if (app != null) {
            app.close();
        }
    }
}
