package org.reprotrack.schedule;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.quartz.InterruptableJob;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.reprotrack.store.JobRunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execution of a scheduled job: records it in {@code job_run}, runs the action, and stops at
 * the action's next checkpoint when interrupted (shutdown). No job of ours runs twice at once
 * (each subclass is {@code @DisallowConcurrentExecution}, which Quartz enforces across the cluster).
 */
abstract class ReprotrackJob implements InterruptableJob {

    private static final Logger LOG = LoggerFactory.getLogger(ReprotrackJob.class);

    private final JobKind kind;
    private final JobActions actions;
    private final JobRunStore runs;
    private final String node;
    private final Clock clock;
    private final AtomicBoolean stop = new AtomicBoolean();

    ReprotrackJob(JobKind kind, JobActions actions, JobRunStore runs, String node, Clock clock) {
        this.kind = kind;
        this.actions = actions;
        this.runs = runs;
        this.node = node;
        this.clock = clock;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        long id = runs.start(kind.id(), node, clock.instant());
        LOG.info("{} job started{}", kind.id(), context.isRecovering() ? " (recovering a run a dead node left)" : "");
        if (context.isRecovering()) {
            int ended = runs.abandonRunning(kind.id(), id, "the node running it died; recovered on " + node, clock.instant());
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

    @org.quartz.DisallowConcurrentExecution
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
