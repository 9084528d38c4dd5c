package org.reprotrack.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TimeZone;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.reprotrack.config.ConfigException;
import org.reprotrack.config.Settings;
import org.reprotrack.store.JobRunStore;
import org.reprotrack.store.NodeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quartz scheduler over the application's own database (JDBC job store, so schedules and
 * fire times survive restarts; clustered on PostgreSQL). Cron triggers catch up once after
 * downtime ({@code withMisfireHandlingInstructionFireAndProceed}); a trigger whose cron is
 * unchanged is left alone at start, so its missed fire is seen as a misfire.
 */
public final class Scheduling implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Scheduling.class);
    private static final String GROUP = "reprotrack";

    private final Scheduler scheduler;
    private final Settings.Schedules schedules;
    private final String node;

    /**
     * Builds the scheduler in standby; {@link #start()} makes it fire.
     *
     * @param postgres whether the database is PostgreSQL (its own Quartz delegate; clustering allowed)
     */
    public Scheduling(DataSource dataSource, boolean postgres, Settings.Schedules schedules, Settings.Cluster cluster,
            JobActions actions, JobRunStore runs, Clock clock) {
        this(dataSource, postgres, schedules, cluster, actions, runs, clock,
                cluster.effectiveNodeName() + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /**
     * @param instanceId this process's name in the cluster: its Quartz instance and its node
     *     check-in ({@code node_checkin}), which job runs record so that recovery ends only the runs
     *     of processes that are gone
     */
    public Scheduling(DataSource dataSource, boolean postgres, Settings.Schedules schedules, Settings.Cluster cluster,
            JobActions actions, JobRunStore runs, Clock clock, String instanceId) {
        this.schedules = schedules;
        this.node = cluster.effectiveNodeName();
        // Quartz finds connection providers by name in a JVM-wide registry: one name per scheduler.
        String dataSourceName = "reprotrack-" + instanceId;
        DBConnectionManager.getInstance().addConnectionProvider(dataSourceName, new PooledProvider(dataSource));
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", "reprotrack");
        p.setProperty("org.quartz.scheduler.instanceId", instanceId);
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.scheduler.interruptJobsOnShutdownWithWait", "true");
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", "4");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", postgres
                ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate" : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        p.setProperty("org.quartz.jobStore.isClustered", String.valueOf(cluster.enabled()));
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(cluster.checkinIntervalSeconds() * 1000L));
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        try {
            StdSchedulerFactory factory = new StdSchedulerFactory(p);
            this.scheduler = factory.getScheduler();
            NodeStore checkins = new NodeStore(dataSource);
            scheduler.setJobFactory(new JobFactoryImpl(actions, runs, node, clock, instanceId, () -> {
                Instant now = clock.instant();
                return checkins.instances().stream().filter(i -> i.alive(now)).map(NodeStore.Instance::instance).toList();
            }));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot create the scheduler: " + e.getMessage(), e);
        }
    }

    /** True while the scheduler fires jobs: started, not in standby, not shut down (readiness, issue 17). */
    public boolean running() {
        try {
            return scheduler.isStarted() && !scheduler.isInStandbyMode() && !scheduler.isShutdown();
        } catch (SchedulerException e) {
            return false;
        }
    }

    /** This node's name, as recorded in job runs. */
    public String node() {
        return node;
    }

    /** Brings the stored schedules in line with the config and starts firing. */
    public void start() {
        try {
            sync();
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the scheduler: " + e.getMessage(), e);
        }
    }

    /** Writes the config's schedules into the job store: new, changed and disabled jobs only. */
    void sync() throws SchedulerException {
        for (JobKind kind : JobKind.values()) {
            Settings.Schedule schedule = scheduleOf(kind);
            JobKey jobKey = JobKey.jobKey(kind.id(), GROUP);
            TriggerKey triggerKey = TriggerKey.triggerKey(kind.id(), GROUP);
            if (!schedule.enabled()) {
                if (scheduler.deleteJob(jobKey)) {
                    LOG.info("{} job disabled in the config: removed from the schedule", kind.id());
                }
                continue;
            }
            if (!CronExpression.isValidExpression(schedule.cron())) {
                throw new ConfigException("schedules." + kind.id() + ".cron", "is not a valid Quartz cron expression: " + schedule.cron());
            }
            Trigger existing = scheduler.getTrigger(triggerKey);
            if (existing instanceof CronTrigger cron && cron.getCronExpression().equals(schedule.cron())
                    && scheduler.checkExists(jobKey)) {
                continue; // unchanged: keep its fire times, so a run missed while down fires once now
            }
            JobDetail job = JobBuilder.newJob(ReprotrackJob.classOf(kind)).withIdentity(jobKey)
                    .storeDurably().requestRecovery(true).build();
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(triggerKey).forJob(jobKey)
                    .withSchedule(CronScheduleBuilder.cronSchedule(schedule.cron()).inTimeZone(TimeZone.getTimeZone("UTC"))
                            .withMisfireHandlingInstructionFireAndProceed())
                    .build();
            try {
                scheduler.addJob(job, true);
                if (existing == null) {
                    scheduler.scheduleJob(trigger);
                } else {
                    scheduler.rescheduleJob(triggerKey, trigger);
                }
                LOG.info("{} job scheduled: {}", kind.id(), schedule.cron());
            } catch (ObjectAlreadyExistsException e) {
                LOG.info("{} job was scheduled by another node at the same moment", kind.id());
            }
        }
    }

    private Settings.Schedule scheduleOf(JobKind kind) {
        return switch (kind) {
            case INGEST -> schedules.ingest();
            case ENRICH -> schedules.enrich();
            case AUDIT -> schedules.audit();
            case REPORT -> schedules.report();
        };
    }

    /** One scheduled job as stored. */
    public record ScheduleInfo(JobKind kind, boolean enabled, String cron, @Nullable Instant previousFire,
            @Nullable Instant nextFire) {
    }

    /** The schedules as the job store has them (what fires, not only what the config says). */
    public List<ScheduleInfo> schedules() {
        List<ScheduleInfo> out = new ArrayList<>();
        try {
            for (JobKind kind : JobKind.values()) {
                Trigger t = scheduler.getTrigger(TriggerKey.triggerKey(kind.id(), GROUP));
                String cron = t instanceof CronTrigger c ? c.getCronExpression() : scheduleOf(kind).cron();
                out.add(new ScheduleInfo(kind, t != null, cron, instant(t == null ? null : t.getPreviousFireTime()),
                        instant(t == null ? null : t.getNextFireTime())));
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot read the schedules: " + e.getMessage(), e);
        }
        return out;
    }

    /** When a job fires next, if it is scheduled. */
    public Optional<Instant> nextFire(JobKind kind) {
        return schedules().stream().filter(s -> s.kind() == kind).map(ScheduleInfo::nextFire)
                .filter(java.util.Objects::nonNull).findFirst();
    }

    /**
     * Runs {@code action} on the job's thread after each job of this node ends, well or not (the
     * dashboard refreshes then, so an ingest's papers are listed at once, not at its next poll).
     */
    public void afterEachJob(Runnable action) {
        try {
            scheduler.getListenerManager().addJobListener(new org.quartz.listeners.JobListenerSupport() {
                @Override
                public String getName() {
                    return "after-each-job-" + System.identityHashCode(action);
                }

                @Override
                public void jobWasExecuted(JobExecutionContext context, org.quartz.JobExecutionException failure) {
                    action.run();
                }
            });
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot listen to jobs: " + e.getMessage(), e);
        }
    }

    /** Fires a job now (a dashboard write or a test); the no-concurrency rule still holds. */
    public void triggerNow(JobKind kind) {
        try {
            scheduler.triggerJob(JobKey.jobKey(kind.id(), GROUP));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the " + kind.id() + " job: " + e.getMessage(), e);
        }
    }

    /**
     * Stops: running jobs are asked to stop at their next checkpoint and awaited, then the
     * scheduler leaves the cluster. Nothing a job recorded is lost.
     */
    @Override
    public void close() {
        try {
            for (JobExecutionContext running : scheduler.getCurrentlyExecutingJobs()) {
                scheduler.interrupt(running.getFireInstanceId());
            }
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            LOG.warn("scheduler did not shut down cleanly: {}", e.getMessage());
        }
    }

    private static @Nullable Instant instant(@Nullable Date date) {
        return date == null ? null : date.toInstant();
    }

    /** Hands Quartz connections from the application's pool (style.md: one DataSource for all). */
    private record PooledProvider(DataSource dataSource) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
            // the application closes its pool
        }

        @Override
        public void initialize() {
        }
    }
}
