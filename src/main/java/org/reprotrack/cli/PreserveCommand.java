package org.reprotrack.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.reprotrack.report.PreservationService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code reprotrack preserve}: finds vulnerable code and, with save code now on, saves it. */
@Command(name = "preserve", mixinStandardHelpOptions = true,
        description = {"Asks Software Heritage about live repositories (never asked first, then the oldest answer) and lists",
                "as vulnerable those with no snapshot or one older than their last push. With archives.save_code_now: true,",
                "follows open save requests and sends new ones for vulnerable repositories, within SWH's rate limits."})
final class PreserveCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--limit", paramLabel = "N", description = "Ask about at most N repositories (default: archives.ask_limit).")
    Integer limit;

    @Option(names = "--save-limit", paramLabel = "N", description = "Send at most N save requests (default: archives.save_limit).")
    Integer saveLimit;

    @Override
    public Integer call() {
        if (limit != null && limit < 0 || saveLimit != null && saveLimit < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "limits must not be negative");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var archives = root.app().settings().archives();
        PreservationService.Summary s = root.app().preservationService().run(limit == null ? archives.askLimit() : limit,
                saveLimit == null ? archives.saveLimit() : saveLimit, err::println);
        out.printf("Software Heritage: asked %d, no answer %d; vulnerable %d, live repositories never asked %d%n",
                s.asked(), s.unanswered(), s.vulnerable(), s.notAsked());
        if (archives.saveCodeNow()) {
            out.printf("Save code now: followed %d (archived %d, failed %d), sent %d, refused %d%n", s.followed(), s.archived(),
                    s.failed(), s.sent(), s.refused());
        } else {
            out.println("Save code now is off (archives.save_code_now: false): nothing sent.");
        }
        if (s.stoppedBecause() != null) {
            out.println("Stopped early: " + s.stoppedBecause() + "; the rest is done first at the next run.");
        }
        return Cli.OK;
    }
}
