package org.reprotrack.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.reprotrack.config.ConfigException;
import org.reprotrack.store.StoreException;
import picocli.CommandLine;

/**
 * Builds the command line and maps outcomes to exit codes: 0 success, 1 failure (bad input,
 * unreachable database, failed run), 2 usage error; 130 or 143 when {@code audit}, {@code run} or
 * {@code serve} was stopped by SIGINT or SIGTERM ({@link StopSignals}). Expected failures print one
 * line, no trace.
 */
public final class Cli {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;

    private Cli() {
    }

    /** Runs the command line with the standard streams. */
    public static int run(String[] args, Map<String, String> env) {
        return run(args, env,
                new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    }

    /** Runs the command line with the given streams (tests capture them). */
    public static int run(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
        RootCommand root = new RootCommand(env);
        CommandLine cli = new CommandLine(root);
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException || e instanceof StoreException || e instanceof UserException) {
                commandLine.getErr().println("error: " + e.getMessage());
            } else {
                commandLine.getErr().println("internal error: " + e);
                e.printStackTrace(commandLine.getErr());
            }
            return FAILURE;
        });
        try {
            return cli.execute(args);
        } finally {
            root.close();
            out.flush();
            err.flush();
        }
    }
}
