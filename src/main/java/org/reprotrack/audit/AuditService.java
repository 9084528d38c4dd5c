package org.reprotrack.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.reprotrack.check.CheckResult;
import org.reprotrack.check.KnownState;
import org.reprotrack.check.RepoChecker;
import org.reprotrack.check.RepoMetadata;
import org.reprotrack.check.RepoStatus;
import org.reprotrack.check.Sleeper;
import org.reprotrack.check.StatusPolicy;
import org.reprotrack.check.github.BadCredentialsException;
import org.reprotrack.check.github.GitHubChecker;
import org.reprotrack.check.github.RateLimitStats;
import org.reprotrack.check.hosts.HostCheckers;
import org.reprotrack.check.hosts.UrlCheck;
import org.reprotrack.links.CodeHost;
import org.reprotrack.store.AuditStore;
import org.reprotrack.store.AuditWorkStore;
import org.reprotrack.store.DuePage;
import org.reprotrack.store.DueRepo;
import org.reprotrack.store.PageStore;
import org.reprotrack.store.StoreException;

/**
 * Audit runs. A run's work list (due repositories most overdue first, then due web pages) is
 * planned once into the store; workers claim small batches of it with a lease, check them, and
 * record each answer as it arrives, marking its item done in the same transaction. So:
 * <ul>
 *   <li>a killed process loses no recorded check, and the next start finishes the same run;</li>
 *   <li>a second audit started while one runs (another node, or the CLI beside the scheduler)
 *       joins it and shares the rest of the work: nothing is checked twice in one run;</li>
 *   <li>a stop request ends the worker at its next checkpoint and gives back what it held.</li>
 * </ul>
 * GitHub repositories go in GraphQL batches when a token is present, else one REST call each;
 * the other hosts through their checkers; other links' pages over plain HTTP.
 */
public final class AuditService {

    /** GitHub allows this many requests an hour without a token. */
    public static final int UNAUTHENTICATED_HOURLY = 60;
    /** Repositories handed to the GitHub checker at once: one GraphQL query's worth. */
    private static final int GITHUB_CHUNK = 100;
    /** How long a failed worker waits for its other checks to notice and end. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    /** How long a worker waits before looking again when other workers hold the rest of the run. */
    private static final Duration IDLE_WAIT = Duration.ofSeconds(1);
    /** Failures of one item (store errors, unexpected answers) before it is given up for the run. */
    static final int MAX_ATTEMPTS = 3;

    private final AuditStore store;
    private final PageStore pages;
    private final AuditWorkStore work;
    private final GitHubAccess github;
    private final HostCheckers hosts;
    private final StatusPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final int hostConcurrency;
    private final String node;
    private final Duration lease;
    private final VerdictHook verdictHook;
    private final AfterVerdicts afterVerdicts;

    public AuditService(AuditStore store, PageStore pages, AuditWorkStore work, GitHubAccess github, HostCheckers hosts,
            StatusPolicy policy, Clock clock, Sleeper sleeper, int hostConcurrency, String node, Duration lease) {
        this(store, pages, work, github, hosts, policy, clock, sleeper, hostConcurrency, node, lease, VerdictHook.NONE);
    }

    /** @param verdictHook sees every GitHub answer before it is recorded (reproducibility signals) */
    public AuditService(AuditStore store, PageStore pages, AuditWorkStore work, GitHubAccess github, HostCheckers hosts,
            StatusPolicy policy, Clock clock, Sleeper sleeper, int hostConcurrency, String node, Duration lease,
            VerdictHook verdictHook) {
        this(store, pages, work, github, hosts, policy, clock, sleeper, hostConcurrency, node, lease, verdictHook,
                AfterVerdicts.NONE);
    }

    /**
     * @param verdictHook sees every GitHub answer before it is recorded; must not send requests
     * @param afterVerdicts runs once this worker's verdicts are all recorded (the signals lane)
     */
    public AuditService(AuditStore store, PageStore pages, AuditWorkStore work, GitHubAccess github, HostCheckers hosts,
            StatusPolicy policy, Clock clock, Sleeper sleeper, int hostConcurrency, String node, Duration lease,
            VerdictHook verdictHook, AfterVerdicts afterVerdicts) {
        this.afterVerdicts = afterVerdicts;
        this.verdictHook = verdictHook;
        this.store = store;
        this.pages = pages;
        this.work = work;
        this.github = github;
        this.hosts = hosts;
        this.policy = policy;
        this.clock = clock;
        this.sleeper = sleeper;
        this.hostConcurrency = hostConcurrency;
        this.node = node;
        this.lease = lease;
    }

    /** What a new run checks: every repository or the due ones; {@code limit} 0 means no limit. */
    public record Request(boolean all, int limit) {
    }

    /** Runs an audit to its end. */
    public AuditSummary run(Request request, AuditListener listener) {
        return run(request, listener, () -> false);
    }

    /**
     * Runs (or joins, or resumes) the audit until its work list is done, or until
     * {@code stopRequested} is true at a checkpoint.
     *
     * @throws AuditException when GitHub rejects the token; the checks recorded before stay recorded
     */
    public AuditSummary run(Request request, AuditListener listener, BooleanSupplier stopRequested) {
        Instant started = clock.instant();
        int limit = request.limit() <= 0 ? Integer.MAX_VALUE : request.limit();
        AuditWorkStore.RunRef run = work.beginOrJoin(request.all() ? "all" : "due", node, started,
                () -> plan(request.all(), limit, started, listener));
        if (!run.created()) {
            listener.note("joined audit run " + run.runId() + " (started " + run.startedAt().truncatedTo(ChronoUnit.SECONDS)
                    + "): its remaining work is shared, nothing is checked twice");
        }
        return workOn(run, limit, started, listener, stopRequested);
    }

    /**
     * Joins the running audit run another node opened, if it has work left to claim, and works on
     * it to its end; never plans a new run. What a node does when it sees a run it is not part of.
     */
    public Optional<AuditSummary> joinOpen(AuditListener listener, BooleanSupplier stopRequested) {
        Instant started = clock.instant();
        Optional<AuditWorkStore.RunRef> open = work.openRun(started);
        if (open.isEmpty()) {
            return Optional.empty();
        }
        AuditWorkStore.RunRef run = open.get();
        listener.note("joined audit run " + run.runId() + " (started " + run.startedAt().truncatedTo(ChronoUnit.SECONDS)
                + "): its remaining work is shared, nothing is checked twice");
        return Optional.of(workOn(run, Integer.MAX_VALUE, started, listener, stopRequested));
    }

    private AuditSummary workOn(AuditWorkStore.RunRef run, int limit, Instant started, AuditListener listener,
            BooleanSupplier stopRequested) {
        String worker = node + ":" + UUID.randomUUID().toString().substring(0, 8);
        int total = Math.min(limit, work.remaining(run.runId()));
        Tally tally = new Tally();
        AtomicInteger done = new AtomicInteger();
        AtomicBoolean failed = new AtomicBoolean();
        try (GitHubChecker checker = github.open(listener::waiting);
             LeaseHeartbeat heartbeat = LeaseHeartbeat.start(work, run.runId(), worker, lease, clock)) {
            Runnable progress = () -> {
                RateLimitStats stats = checker.stats();
                listener.progress(new AuditListener.Progress(done.incrementAndGet(), total, stats.requestsSent(),
                        stats.remaining().values().stream().mapToInt(Integer::intValue).min().orElse(-1), stats.waits()));
            };
            Worker w = new Worker(run.runId(), worker, checker, tally, failed, progress, stopRequested, listener);
            String state;
            try {
                state = w.work(limit, stopRequested);
            } catch (BadCredentialsException e) {
                end(run.runId(), worker, checker, "failed", tally);
                throw new AuditException("GitHub rejected the token in $" + github.tokenEnv()
                        + " (401 Bad credentials): create a new token, or unset " + github.tokenEnv()
                        + " to audit without one; the " + done.get() + " checks made before are kept");
            } catch (RuntimeException e) {
                // This worker's failure is not the run's: what it held goes back, the other nodes (or
                // the next start) finish the run.
                end(run.runId(), worker, checker, "given-up", tally);
                throw e;
            }
            end(run.runId(), worker, checker, state, tally);
            if (state.equals("finished") && !stopRequested.getAsBoolean()) {
                signals(checker, listener, stopRequested, done.get());
            }
            RateLimitStats stats = checker.stats();
            return tally.summary(run.runId(), stats, Duration.between(started, clock.instant()), store.countDue(clock.instant()));
        }
    }

    /** Work items of the run not done yet (pending, or held by a worker): what the next start picks up. */
    public int remaining(long runId) {
        return work.remaining(runId);
    }

    /**
     * The lane after the verdicts: every verdict of this worker is recorded before it starts, and
     * its failure fails no verdict. A 401 here still tells the user, as a note.
     */
    private void signals(GitHubChecker checker, AuditListener listener, BooleanSupplier stop, int verdicts) {
        AfterVerdicts.Refiner refiner = (repoId, status, detail) -> refine(repoId, status, detail);
        try {
            afterVerdicts.run(checker, refiner, new AuditListener() {
                @Override
                public void note(String message) {
                    listener.note(message);
                }

                @Override
                public void progress(Progress progress) {
                    listener.progress(progress);
                }

                @Override
                public void waiting(String resource, Instant until, String reason) {
                    listener.waiting(resource, until, reason);
                }

                @Override
                public void signals(SignalsProgress p) {
                    listener.signals(new SignalsProgress(verdicts, p.done(), p.total(), p.deferred(), p.requests()));
                }
            }, stop);
        } catch (BadCredentialsException e) {
            listener.note("signals stopped: GitHub rejected the token in $" + github.tokenEnv()
                    + "; every verdict of this run is recorded");
        } catch (RuntimeException e) {
            listener.note("signals stopped: " + e.getMessage() + "; every verdict of this run is recorded, "
                    + "the signals left are read by the next run");
        }
    }

    /**
     * A verdict refined by the signals, recorded through StatusPolicy like any check but without
     * a request: PLACEHOLDER over a reachable verdict, EMPTY over a reachable or PLACEHOLDER one,
     * and the reachable verdict again (OK, or ARCHIVED) over a PLACEHOLDER whose code arrived.
     */
    private boolean refine(long repoId, RepoStatus status, String detail) {
        DueRepo repo = store.load(List.of(repoId), github.tokenFingerprint()).get(repoId);
        if (repo == null || repo.known().lastStatus() == null) {
            return false;
        }
        RepoStatus now = repo.known().lastStatus();
        boolean reachable = now == RepoStatus.OK || now == RepoStatus.ARCHIVED || now == RepoStatus.MOVED;
        RepoMetadata m = repo.known().lastMetadata();
        RepoStatus next = status;
        switch (status) {
            case PLACEHOLDER -> {
                if (!reachable) {
                    return false;
                }
            }
            case EMPTY -> {
                if (!reachable && now != RepoStatus.PLACEHOLDER) {
                    return false;
                }
            }
            case OK -> {
                if (now != RepoStatus.PLACEHOLDER) {
                    return false;
                }
                next = m != null && Boolean.TRUE.equals(m.archived()) ? RepoStatus.ARCHIVED : RepoStatus.OK;
            }
            default -> throw new IllegalArgumentException("not a refinement: " + status);
        }
        CheckResult result = new CheckResult(repo.known().ref(), clock.instant(), next, 200, detail, m, null,
                repo.movedTo(), repo.known().hostId(), null, null);
        StatusPolicy.Transition t = policy.apply(repo.state(), repo.movedTo(), result);
        store.record(null, repo, result, t, github.tokenFingerprint());
        return true;
    }

    /** The work list of a new run: due repositories (GitHub capped without a token), then due pages. */
    private List<AuditWorkStore.Target> plan(boolean all, int limit, Instant now, AuditListener listener) {
        List<AuditWorkStore.Target> targets = new ArrayList<>();
        int gitHub = 0;
        int skipped = 0;
        for (AuditStore.Planned p : store.planDue(now, all, limit)) {
            if (p.github() && !github.hasToken() && gitHub >= UNAUTHENTICATED_HOURLY) {
                skipped++;
                continue;
            }
            gitHub += p.github() ? 1 : 0;
            targets.add(new AuditWorkStore.Target(p.id(), null));
        }
        if (skipped > 0) {
            listener.note(String.format("no GitHub token in $%s: GitHub answers only %d requests an hour without one, so "
                            + "the %d most overdue of %d GitHub repositories are checked and the rest stay due "
                            + "(set %s to a token for 5,000 an hour)", github.tokenEnv(), UNAUTHENTICATED_HOURLY,
                    UNAUTHENTICATED_HOURLY, gitHub + skipped, github.tokenEnv()));
        }
        int room = limit - targets.size();
        if (room > 0) {
            for (Long page : pages.planDue(now, all, room)) {
                targets.add(new AuditWorkStore.Target(null, page));
            }
        }
        return targets;
    }

    /**
     * Ends this worker's part: usage added to the run, held work given back, and the run closed
     * when its work is done (by whichever worker sees that first) or failed.
     */
    private void end(long runId, String worker, GitHubChecker checker, String state, Tally tally) {
        RateLimitStats stats = checker.stats();
        store.addUsage(runId, stats.requestsSent(), stats.totalWait().toMillis());
        work.release(runId, worker);
        if (state.equals("failed")) {
            store.finishShared(runId, "failed", clock.instant(), tally.changesJson());
        } else if (work.remaining(runId) == 0) {
            store.finishShared(runId, "finished", clock.instant(), tally.changesJson());
        }
    }

    /** One worker's loop over the run's work list. */
    private final class Worker {
        private final long runId;
        private final String worker;
        private final GitHubChecker checker;
        private final Tally tally;
        private final AtomicBoolean failed;
        private final Runnable progress;
        private final BooleanSupplier stopRequested;
        private final AuditListener listener;
        private final ClaimSizer sizer;

        Worker(long runId, String worker, GitHubChecker checker, Tally tally, AtomicBoolean failed, Runnable progress,
                BooleanSupplier stopRequested, AuditListener listener) {
            this.stopRequested = stopRequested;
            this.listener = listener;
            this.sizer = new ClaimSizer(firstClaim(), claimSize(), lease);
            this.runId = runId;
            this.worker = worker;
            this.checker = checker;
            this.tally = tally;
            this.failed = failed;
            this.progress = progress;
        }

        /** @return {@code finished} when the list is done or this worker's limit reached, {@code stopped} on request */
        String work(int limit, BooleanSupplier stopRequested) {
            int taken = 0;
            while (taken < limit) {
                if (stopRequested.getAsBoolean()) {
                    return "stopped";
                }
                Instant now = clock.instant();
                List<AuditWorkStore.Item> items = work.claim(runId, worker, now, now.plus(lease),
                        Math.min(sizer.next(), limit - taken));
                if (items.isEmpty()) {
                    if (work.remaining(runId) == 0 || !work.running(runId)) {
                        return "finished";
                    }
                    idle(); // the rest is held by other workers: their leases run out if they died
                    continue;
                }
                taken += items.size();
                long start = System.nanoTime();
                check(items);
                sizer.finished(items.size(), Duration.ofNanos(System.nanoTime() - start));
            }
            return "finished";
        }

        /** The most a claim holds: one round of the checker (its GraphQL chunks, or four items per thread). */
        private int claimSize() {
            return github.batches() ? GITHUB_CHUNK * github.parallelChunks() : Math.max(github.restConcurrency(), hostConcurrency) * 4;
        }

        /** The first claim, before any throughput is measured: one item per thread, one GraphQL chunk. */
        private int firstClaim() {
            return github.batches() ? GITHUB_CHUNK : Math.max(github.restConcurrency(), hostConcurrency);
        }

        private void idle() {
            try {
                sleeper.sleep(IDLE_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AuditException("the audit was interrupted; the checks recorded so far are kept");
            }
        }

        private void check(List<AuditWorkStore.Item> items) {
            List<Long> repoIds = items.stream().filter(i -> i.repoId() != null).map(AuditWorkStore.Item::repoId).toList();
            List<Long> pageIds = items.stream().filter(i -> i.pageId() != null).map(AuditWorkStore.Item::pageId).toList();
            Map<Long, DueRepo> repos = store.load(repoIds, github.tokenFingerprint());
            Map<Long, DuePage> duePages = pages.load(pageIds);
            List<Claimed<DueRepo>> onGitHub = new ArrayList<>();
            List<Claimed<DueRepo>> elsewhere = new ArrayList<>();
            List<Claimed<DuePage>> webPages = new ArrayList<>();
            for (AuditWorkStore.Item item : items) {
                if (item.repoId() != null && repos.containsKey(item.repoId())) {
                    DueRepo repo = repos.get(item.repoId());
                    (repo.known().ref().host() == CodeHost.GITHUB ? onGitHub : elsewhere).add(new Claimed<>(item, repo));
                } else if (item.pageId() != null && duePages.containsKey(item.pageId())) {
                    webPages.add(new Claimed<>(item, duePages.get(item.pageId())));
                }
            }
            checkGitHub(onGitHub);
            runAll(elsewhere, hostConcurrency, "host-audit", c -> {
                Optional<RepoChecker> hostChecker = hosts.forHost(c.target().known().ref().host());
                CheckResult result = hostChecker.isPresent() ? hostChecker.get().check(c.target().known())
                        : CheckResult.unknown(c.target().known().ref(), clock.instant(), null, "no checker for this host");
                record(c, result);
            });
            runAll(webPages, hostConcurrency, "page-audit", c -> {
                UrlCheck check = hosts.http().check(c.target().url());
                if (failed.get()) {
                    return;
                }
                DuePage page = c.target();
                StatusPolicy.Transition t = policy.apply(page.state(), null, check.status(), check.checkedAt(), null);
                boolean recorded;
                try {
                    recorded = pages.record(runId, page, check.status(), check.checkedAt(), check.httpStatus(),
                            check.redirects() == 0 ? null : check.finalUrl(), check.detail(), t, c.item(), worker);
                } catch (StoreException e) {
                    itemFailed(c.item(), page.url(), e);
                    return;
                }
                if (recorded) {
                    tally.addPage(check.status());
                    progress.run();
                }
            });
            work.renew(runId, worker, clock.instant().plus(lease));
        }

        /**
         * GitHub in chunks of one GraphQL query, as many in flight as the checker allows, each chunk
         * recorded when its query is answered; over REST one repository at a time on as many threads
         * as the REST concurrency, each recorded as soon as it is answered, so a 401 or a stop in the
         * middle loses no answer already paid for.
         */
        private void checkGitHub(List<Claimed<DueRepo>> repos) {
            if (!github.batches()) {
                runAll(repos, github.restConcurrency(), "github-audit", c -> {
                    CheckResult result;
                    try {
                        result = checker.rest().check(c.target().known());
                    } catch (BadCredentialsException e) {
                        throw e;
                    } catch (RuntimeException e) {
                        itemFailed(c.item(), c.target().known().ref().key(), e);
                        return;
                    }
                    record(c, hooked(c, result));
                });
                return;
            }
            List<List<Claimed<DueRepo>>> chunks = new ArrayList<>();
            for (int from = 0; from < repos.size(); from += GITHUB_CHUNK) {
                chunks.add(repos.subList(from, Math.min(repos.size(), from + GITHUB_CHUNK)));
            }
            runAll(chunks, github.parallelChunks(), "github-audit", chunk -> {
                List<KnownState> states = chunk.stream().map(c -> c.target().known()).toList();
                List<CheckResult> results;
                try {
                    results = checker.check(states);
                } catch (BadCredentialsException e) {
                    throw e;
                } catch (RuntimeException e) {
                    for (Claimed<DueRepo> c : chunk) {
                        itemFailed(c.item(), c.target().known().ref().key(), e);
                    }
                    return;
                }
                for (int i = 0; i < chunk.size(); i++) {
                    record(chunk.get(i), hooked(chunk.get(i), results.get(i)));
                }
            });
        }

        /** The verdict hook's say on a GitHub answer (signals); skipped once the run has failed. */
        private CheckResult hooked(Claimed<DueRepo> claimed, CheckResult result) {
            if (failed.get()) {
                return result;
            }
            try {
                return verdictHook.afterCheck(claimed.target(), result, checker);
            } catch (BadCredentialsException e) {
                throw e;
            } catch (RuntimeException e) {
                // the verdict stands without its signals; they are fetched again when stale
                listener.note("signals of " + claimed.target().known().ref().key() + " not saved: " + e.getMessage());
                return result;
            }
        }

        private void record(Claimed<DueRepo> claimed, CheckResult result) {
            if (failed.get()) {
                return; // the run has failed: an answer still in flight (or an "interrupted") is not recorded
            }
            DueRepo repo = claimed.target();
            StatusPolicy.Transition t = policy.apply(repo.state(), repo.movedTo(), result);
            boolean recorded;
            try {
                recorded = store.record(runId, repo, result, t, github.tokenFingerprint(), claimed.item(), worker);
            } catch (StoreException e) {
                itemFailed(claimed.item(), repo.known().ref().key(), e);
                return;
            }
            if (recorded) {
                tally.add(repo, result, t);
                progress.run();
            }
        }

        /**
         * One item failed (its check threw, or its record did): the item alone goes back to be
         * retried by any worker, and is given up for this run after {@link #MAX_ATTEMPTS} failures.
         * The run goes on.
         */
        private void itemFailed(AuditWorkStore.Item item, String what, RuntimeException e) {
            if (failed.get() || stopRequested.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                return; // stopping: what this worker holds goes back as a whole
            }
            boolean gaveUp = work.fail(item, worker, MAX_ATTEMPTS);
            listener.note("checking " + what + " failed (" + e.getMessage() + "): "
                    + (gaveUp ? "given up for this run after " + MAX_ATTEMPTS + " attempts; it stays due" : "it will be retried"));
        }

        /**
         * Runs the tasks on a small pool, failing fast with the first task's exception. On failure it
         * marks the run failed (so answers still in flight are not recorded), interrupts the other
         * tasks and waits for them to end: once this returns or throws, no task writes any more.
         */
        private <T> void runAll(List<T> items, int threads, String name, Task<T> task) {
            if (items.isEmpty() || failed.get()) {
                return;
            }
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, items.size()), r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (T item : items) {
                    futures.add(pool.submit(() -> {
                        // a checkpoint: after a stop request no new check starts; unstarted items go back
                        if (!failed.get() && !stopRequested.getAsBoolean()) {
                            task.run(item);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    try {
                        f.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        stop(futures, pool);
                        if (e.getCause() instanceof RuntimeException r) {
                            throw r;
                        }
                        throw new IllegalStateException(e.getCause());
                    } catch (InterruptedException e) {
                        stop(futures, pool);
                        Thread.currentThread().interrupt();
                        throw new AuditException("the audit was interrupted; the checks recorded so far are kept");
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }

        private void stop(List<Future<?>> futures, ExecutorService pool) {
            failed.set(true);
            futures.forEach(x -> x.cancel(true));
            pool.shutdownNow();
            boolean interrupted = Thread.interrupted();
            try {
                // Interrupted HTTP calls and back-off sleeps end at once; a record in progress commits.
                pool.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A target with the work item that holds it. */
    private record Claimed<T>(AuditWorkStore.Item item, T target) {
    }

    @FunctionalInterface
    private interface Task<T> {
        void run(T item);
    }
}
