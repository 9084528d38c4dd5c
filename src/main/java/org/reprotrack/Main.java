package org.reprotrack;

import org.reprotrack.cli.Cli;

/** Entry point of {@code java -jar reprotrack.jar}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.run(args, System.getenv()));
    }
}
