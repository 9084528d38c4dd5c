package org.reprotrack.schedule;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicBoolean;
import org.quartz.InterruptableJob;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.reprotrack.store.JobRunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execution of a scheduled job: records it in {@code job_run}, runs the action, and stops at
 * the action's next checkpoint when interrupted (shutdown). Ingest, enrich and report never run
 * twice at once ({@code @DisallowConcurrentExecution}, which Quartz enforces across the cluster).
 * The audit may: every node works on the one open audit run (its fire on one node opens it, the
 * others join it), so a fire while it runs joins it too, and a node's audit job run ends only when
 * the shared run does.
 */
abstract class ReprotrackJob implements InterruptableJob {

    private static final Logger LOG = LoggerFactory.getLogger(ReprotrackJob.class);

    private final JobKind kind;
    private final JobActions actions;
    private final JobRunStore runs;
    private final String node;
    private final Clock clock;
    private final AtomicBoolean stop = new AtomicBoolean();
    private String instance = "";
    private Supplier<Collection<String>> alive = List::of;

    ReprotrackJob(JobKind kind, JobActions actions, JobRunStore runs, String node, Clock clock) {
        this.kind = kind;
        this.actions = actions;
        this.runs = runs;
        this.node = node;
        this.clock = clock;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        long id = runs.start(kind.id(), node, instance.isEmpty() ? null : instance, clock.instant());
        LOG.info("{} job started{}", kind.id(), context.isRecovering() ? " (recovering a run a dead node left)" : "");
        if (context.isRecovering()) {
            // only the runs of processes that stopped checking in: a live node's run is its own business
            int ended = runs.abandonGone(kind.id(), id, alive.get(), "the node running it died; recovered on " + node,
                    clock.instant());
            LOG.info("{} job: {} run(s) of a dead node marked failed", kind.id(), ended);
        }
        try {
            String result = actions.run(kind, stop::get);
            String state = stop.get() ? "stopped" : "finished";
            runs.finish(id, state, result, clock.instant());
            LOG.info("{} job {}: {}", kind.id(), state, result);
        } catch (Exception e) {
            runs.finish(id, "failed", String.valueOf(e.getMessage()), clock.instant());
            LOG.warn("{} job failed: {}", kind.id(), e.getMessage());
            throw new JobExecutionException(e, false);
        }
    }

    /** Which process runs it, and how to tell the processes still alive (their check-ins). */
    ReprotrackJob in(String instance, Supplier<Collection<String>> alive) {
        this.instance = instance;
        this.alive = alive;
        return this;
    }

    @Override
    public void interrupt() {
        stop.set(true);
    }

    @org.quartz.DisallowConcurrentExecution
    static final class Ingest extends ReprotrackJob {
        Ingest(JobActions a, JobRunStore r, String n, Clock c) {
            super(JobKind.INGEST, a, r, n, c);
        }
    }

    @org.quartz.DisallowConcurrentExecution
    static final class Enrich extends ReprotrackJob {
        Enrich(JobActions a, JobRunStore r, String n, Clock c) {
            super(JobKind.ENRICH, a, r, n, c);
        }
    }

    /** Not {@code @DisallowConcurrentExecution}: a fire while the audit runs joins the open run. */
    static final class Audit extends ReprotrackJob {
        Audit(JobActions a, JobRunStore r, String n, Clock c) {
            super(JobKind.AUDIT, a, r, n, c);
        }
    }

    @org.quartz.DisallowConcurrentExecution
    static final class Report extends ReprotrackJob {
        Report(JobActions a, JobRunStore r, String n, Clock c) {
            super(JobKind.REPORT, a, r, n, c);
        }
    }

    static Class<? extends ReprotrackJob> classOf(JobKind kind) {
        return switch (kind) {
            case INGEST -> Ingest.class;
            case ENRICH -> Enrich.class;
            case AUDIT -> Audit.class;
            case REPORT -> Report.class;
        };
    }
}
