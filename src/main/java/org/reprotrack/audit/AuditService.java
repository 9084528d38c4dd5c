package org.reprotrack.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.reprotrack.check.CheckResult;
import org.reprotrack.check.KnownState;
import org.reprotrack.check.RepoChecker;
import org.reprotrack.check.StatusPolicy;
import org.reprotrack.check.github.BadCredentialsException;
import org.reprotrack.check.github.GitHubChecker;
import org.reprotrack.check.github.RateLimitStats;
import org.reprotrack.check.hosts.HostCheckers;
import org.reprotrack.check.hosts.UrlCheck;
import org.reprotrack.links.CodeHost;
import org.reprotrack.store.AuditStore;
import org.reprotrack.store.DuePage;
import org.reprotrack.store.DueRepo;
import org.reprotrack.store.PageStore;

/**
 * One audit run: picks repositories (due ones, most overdue first, or all), checks GitHub ones
 * in batches through {@link GitHubChecker} and the others one by one through {@link HostCheckers},
 * and records each answer as soon as it arrives, so nothing checked is lost if the run stops.
 */
public final class AuditService {

    /** GitHub allows this many requests an hour without a token. */
    public static final int UNAUTHENTICATED_HOURLY = 60;
    /** Repositories handed to the GitHub checker at once: one GraphQL query's worth. */
    private static final int GITHUB_CHUNK = 100;
    /** How long a failed run waits for its other checks to notice and end. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final AuditStore store;
    private final PageStore pages;
    private final GitHubAccess github;
    private final HostCheckers hosts;
    private final StatusPolicy policy;
    private final Clock clock;
    private final int hostConcurrency;

    public AuditService(AuditStore store, PageStore pages, GitHubAccess github, HostCheckers hosts, StatusPolicy policy,
            Clock clock, int hostConcurrency) {
        this.store = store;
        this.pages = pages;
        this.github = github;
        this.hosts = hosts;
        this.policy = policy;
        this.clock = clock;
        this.hostConcurrency = hostConcurrency;
    }

    /** What to check. {@code limit} 0 means no limit. */
    public record Request(boolean all, int limit) {
    }

    /**
     * Runs the audit.
     *
     * @throws AuditException when GitHub rejects the token; the checks recorded before stay recorded
     */
    public AuditSummary run(Request request, AuditListener listener) {
        Instant started = clock.instant();
        List<DueRepo> picked = store.select(started, request.all(), request.limit() <= 0 ? Integer.MAX_VALUE : request.limit(),
                github.tokenFingerprint());
        List<DueRepo> onGitHub = new ArrayList<>();
        List<DueRepo> elsewhere = new ArrayList<>();
        for (DueRepo r : picked) {
            (r.known().ref().host() == CodeHost.GITHUB ? onGitHub : elsewhere).add(r);
        }
        if (!github.hasToken() && onGitHub.size() > UNAUTHENTICATED_HOURLY) {
            listener.note(String.format("no GitHub token in $%s: GitHub answers only %d requests an hour without one, so "
                            + "the %d most overdue of %d GitHub repositories are checked and the rest stay due "
                            + "(set %s to a token for 5,000 an hour)", github.tokenEnv(), UNAUTHENTICATED_HOURLY,
                    UNAUTHENTICATED_HOURLY, onGitHub.size(), github.tokenEnv()));
            onGitHub = new ArrayList<>(onGitHub.subList(0, UNAUTHENTICATED_HOURLY));
        }
        int pageRoom = request.limit() <= 0 ? Integer.MAX_VALUE : Math.max(0, request.limit() - picked.size());
        List<DuePage> duePages = pageRoom == 0 ? List.of() : pages.select(started, request.all(), pageRoom);
        int total = onGitHub.size() + elsewhere.size() + duePages.size();
        long runId = store.startRun(request.all() ? "all" : "due", total, started);
        Tally tally = new Tally();
        AtomicInteger done = new AtomicInteger();
        try (GitHubChecker checker = github.open(listener::waiting)) {
            AtomicBoolean stopped = new AtomicBoolean();
            Recorder recorder = (repo, result) -> {
                if (stopped.get()) {
                    return; // the run has failed: an answer still in flight (or an "interrupted") is not recorded
                }
                StatusPolicy.Transition t = policy.apply(repo.state(), repo.movedTo(), result);
                store.record(runId, repo, result, t, github.tokenFingerprint());
                tally.add(repo, result, t);
                RateLimitStats stats = checker.stats();
                listener.progress(new AuditListener.Progress(done.incrementAndGet(), total, stats.requestsSent(),
                        stats.remaining().values().stream().mapToInt(Integer::intValue).min().orElse(-1), stats.waits()));
            };
            try {
                checkGitHub(checker, onGitHub, recorder, stopped);
                checkElsewhere(elsewhere, recorder, stopped);
                checkPages(runId, duePages, tally, stopped, () -> {
                    RateLimitStats stats = checker.stats();
                    listener.progress(new AuditListener.Progress(done.incrementAndGet(), total, stats.requestsSent(),
                            stats.remaining().values().stream().mapToInt(Integer::intValue).min().orElse(-1), stats.waits()));
                });
            } catch (BadCredentialsException e) {
                finish(runId, "failed", checker.stats(), tally);
                throw new AuditException("GitHub rejected the token in $" + github.tokenEnv()
                        + " (401 Bad credentials): create a new token, or unset " + github.tokenEnv()
                        + " to audit without one; the " + done.get() + " checks made before are kept");
            } catch (RuntimeException e) {
                finish(runId, "failed", checker.stats(), tally);
                throw e;
            }
            RateLimitStats stats = checker.stats();
            finish(runId, "finished", stats, tally);
            return tally.summary(runId, stats, Duration.between(started, clock.instant()), store.countDue(clock.instant()));
        }
    }

    private void finish(long runId, String state, RateLimitStats stats, Tally tally) {
        store.finishRun(runId, state, clock.instant(), stats.requestsSent(), stats.totalWait().toMillis(),
                tally.verdictsJson(), tally.changesJson());
    }

    @FunctionalInterface
    private interface Recorder {
        void record(DueRepo repo, CheckResult result);
    }

    /**
     * GitHub in chunks of one GraphQL query, as many chunks in flight as the checker allows, each
     * chunk recorded when its query is answered; over REST (no token, or GraphQL off) one
     * repository at a time on as many threads as the REST concurrency, each recorded as soon as it
     * is answered, so a 401 or a stop in the middle loses no answer already paid for.
     */
    private void checkGitHub(GitHubChecker checker, List<DueRepo> repos, Recorder recorder, AtomicBoolean stopped) {
        if (!github.batches()) {
            runAll(repos, github.restConcurrency(), "github-audit", stopped,
                    repo -> recorder.record(repo, checker.rest().check(repo.known())));
            return;
        }
        List<List<DueRepo>> chunks = new ArrayList<>();
        for (int from = 0; from < repos.size(); from += GITHUB_CHUNK) {
            chunks.add(repos.subList(from, Math.min(repos.size(), from + GITHUB_CHUNK)));
        }
        runAll(chunks, github.parallelChunks(), "github-audit", stopped, chunk -> {
            List<KnownState> states = chunk.stream().map(DueRepo::known).toList();
            List<CheckResult> results = checker.check(states);
            for (int i = 0; i < chunk.size(); i++) {
                recorder.record(chunk.get(i), results.get(i));
            }
        });
    }

    private void checkElsewhere(List<DueRepo> repos, Recorder recorder, AtomicBoolean stopped) {
        runAll(repos, hostConcurrency, "host-audit", stopped, repo -> {
            Optional<RepoChecker> checker = hosts.forHost(repo.known().ref().host());
            CheckResult result = checker.isPresent() ? checker.get().check(repo.known())
                    : CheckResult.unknown(repo.known().ref(), clock.instant(), null, "no checker for this host");
            recorder.record(repo, result);
        });
    }

    /** Other links, over plain HTTP: HEAD, GET when HEAD is refused, bounded redirects. */
    private void checkPages(long runId, List<DuePage> due, Tally tally, AtomicBoolean stopped, Runnable progress) {
        runAll(due, hostConcurrency, "page-audit", stopped, page -> {
            UrlCheck check = hosts.http().check(page.url());
            if (stopped.get()) {
                return;
            }
            StatusPolicy.Transition t = policy.apply(page.state(), null, check.status(), check.checkedAt(), null);
            pages.record(runId, page, check.status(), check.checkedAt(), check.httpStatus(),
                    check.redirects() == 0 ? null : check.finalUrl(), check.detail(), t);
            tally.addPage(check.status());
            progress.run();
        });
    }

    /**
     * Runs the tasks on a small pool, failing fast with the first task's exception. On failure it
     * sets {@code stopped} (so answers still in flight are not recorded), interrupts the other
     * tasks and waits for them to end: once this returns or throws, no task of the run writes to
     * the store any more, and the count of recorded checks is final.
     */
    private static <T> void runAll(List<T> items, int threads, String name, AtomicBoolean stopped, Task<T> task) {
        if (items.isEmpty() || stopped.get()) {
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
                    if (!stopped.get()) {
                        task.run(item);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    stop(stopped, futures, pool);
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    stop(stopped, futures, pool);
                    Thread.currentThread().interrupt();
                    throw new AuditException("the audit was interrupted; the checks recorded so far are kept");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void stop(AtomicBoolean stopped, List<Future<?>> futures, ExecutorService pool) {
        stopped.set(true);
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

    @FunctionalInterface
    private interface Task<T> {
        void run(T item);
    }
}
