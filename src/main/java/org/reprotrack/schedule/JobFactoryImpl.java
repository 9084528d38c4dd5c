package org.reprotrack.schedule;

import java.time.Clock;
import java.util.Collection;
import java.util.function.Supplier;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;
import org.reprotrack.store.JobRunStore;

/** Builds our jobs with their dependencies, by constructor, instead of Quartz's reflection. */
final class JobFactoryImpl implements JobFactory {

    private final JobActions actions;
    private final JobRunStore runs;
    private final String node;
    private final Clock clock;
    private final String instance;
    private final Supplier<Collection<String>> alive;

    JobFactoryImpl(JobActions actions, JobRunStore runs, String node, Clock clock, String instance,
            Supplier<Collection<String>> alive) {
        this.instance = instance;
        this.alive = alive;
        this.actions = actions;
        this.runs = runs;
        this.node = node;
        this.clock = clock;
    }

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
        Class<? extends Job> type = bundle.getJobDetail().getJobClass();
        for (JobKind kind : JobKind.values()) {
            if (ReprotrackJob.classOf(kind).equals(type)) {
                ReprotrackJob job = switch (kind) {
                    case INGEST -> new ReprotrackJob.Ingest(actions, runs, node, clock);
                    case ENRICH -> new ReprotrackJob.Enrich(actions, runs, node, clock);
                    case AUDIT -> new ReprotrackJob.Audit(actions, runs, node, clock);
                    case REPORT -> new ReprotrackJob.Report(actions, runs, node, clock);
                };
                return job.in(instance, alive);
            }
        }
        throw new SchedulerException("not a reprotrack job: " + type.getName());
    }
}
