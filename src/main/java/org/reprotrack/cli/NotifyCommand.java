package org.reprotrack.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.reprotrack.notify.DeliveryListener;
import org.reprotrack.notify.Notifier;
import org.reprotrack.store.NotifyStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code reprotrack notify}: one notification pass (what {@code run} does every notifications.interval_seconds). */
@Command(name = "notify", mixinStandardHelpOptions = true,
        description = {"Records new events (repositories newly dead or recovered, promises not kept) for the Atom feeds",
                "and webhooks, and sends the webhook deliveries that are due; prints the outbox by webhook and state.",
                "`run` does this every notifications.interval_seconds; use this command from cron without `run`.",
                "The first pass on a store records the current statuses as the baseline and announces nothing."})
final class NotifyCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Notifier.Result r = root.app().notifier(DeliveryListener.NONE).pass();
        PrintWriter out = spec.commandLine().getOut();
        if (r.scan().baseline()) {
            out.println("First pass: the current statuses are the baseline; later changes are announced.");
        } else {
            out.printf("%d new events, %d webhook deliveries enqueued%n", r.scan().events().size(), r.scan().enqueued());
        }
        out.printf("Deliveries this pass: %d delivered, %d to retry, %d given up%n", r.delivery().delivered(), r.delivery().retried(),
                r.delivery().failed());
        Map<Map.Entry<String, String>, Integer> counts = new NotifyStore(root.app().database().dataSource()).outboxCounts();
        counts.forEach((k, n) -> out.printf("  %-24s %-10s %d%n", k.getKey(), k.getValue(), n));
        out.flush();
        return r.delivery().failed() > 0 ? Cli.FAILURE : Cli.OK;
    }
}
