package org.reprotrack.signals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.reprotrack.audit.AfterVerdicts;
import org.reprotrack.audit.AuditListener;
import org.reprotrack.check.RepoMetadata;
import org.reprotrack.check.RepoStatus;
import org.reprotrack.check.Sleeper;
import org.reprotrack.check.github.ApiResource;
import org.reprotrack.check.github.GitHubChecker;
import org.reprotrack.check.github.GitHubSignals;
import org.reprotrack.check.github.RepoContents;
import org.reprotrack.check.github.SignalsLimits;
import org.reprotrack.check.signals.FileTree;
import org.reprotrack.check.signals.RepoSignals;
import org.reprotrack.links.CodeHost;
import org.reprotrack.links.RepoRef;
import org.reprotrack.store.SignalTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signals lane: after a run's verdicts, reads the trees and READMEs of the repositories whose
 * signals are stale (never read, or {@code pushed_at} moved: an unchanged repository costs
 * nothing), many per GraphQL query ({@link GitHubSignals}), scores and stores them, and refines
 * the recorded verdicts (PLACEHOLDER, EMPTY, or code found) through the audit's {@link
 * AfterVerdicts.Refiner}. It spends only what the verdicts left, keeping a reserve ({@link
 * SignalBudget}); what it cannot afford stays stale for the next run. Over REST (GraphQL off) it
 * falls back to {@link SignalService#refreshIfChanged}, one repository at a time.
 */
public final class SignalLane implements AfterVerdicts {
    private static final Logger log = LoggerFactory.getLogger(SignalLane.class);

    /** Repositories handed to one fetch: its follow-up queries (deeper folders, READMEs) are shared by them. */
    static final int CHUNK_BATCHES = 10;

    private final SignalService service;
    private final SignalsLimits limits;
    private final double reserve;
    private final Duration maxPause;
    private final Sleeper sleeper;

    /**
     * @param reserve the share of each rate-limit window the signals leave untouched ({@code signals.reserve})
     * @param maxPause the longest the lane waits for a window to reset before leaving the rest for the next run
     */
    public SignalLane(SignalService service, SignalsLimits limits, double reserve, Duration maxPause, Sleeper sleeper) {
        this.service = Objects.requireNonNull(service, "service");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.reserve = reserve;
        this.maxPause = Objects.requireNonNull(maxPause, "maxPause");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    @Override
    public void run(GitHubChecker checker, Refiner refiner, AuditListener listener, BooleanSupplier stop) {
        SignalService.Summary s = refresh(0, checker, refiner, listener, stop);
        int deferred = s.outcomes().getOrDefault(SignalService.Outcome.DEFERRED, 0);
        if (deferred > 0) {
            listener.note(String.format("signals: %,d repositories left for the next run (the budget the verdicts left, "
                    + "less the reserve signals.reserve = %.0f%%, is spent)", deferred, reserve * 100));
        }
    }

    /**
     * Reads the stale signals of up to {@code limit} repositories (0: all).
     *
     * @param refiner records refined verdicts; null leaves them to the next audit (which reads the stored signals)
     */
    public SignalService.Summary refresh(int limit, GitHubChecker checker, @Nullable Refiner refiner,
            AuditListener listener, BooleanSupplier stop) {
        SignalBudget budget = new SignalBudget(checker, reserve, maxPause, service.clock, sleeper, listener::waiting, stop);
        List<SignalTarget> targets = service.store.stale(limit <= 0 ? Integer.MAX_VALUE : limit);
        Map<SignalService.Outcome, Integer> outcomes = new EnumMap<>(SignalService.Outcome.class);
        int placeholders = 0;
        int done = 0;
        boolean batched = checker.batches();
        GitHubSignals signals = batched ? checker.signals(limits) : null;
        int chunk = limits.batchSize() * CHUNK_BATCHES;
        for (int from = 0; from < targets.size(); from += chunk) {
            List<SignalTarget> part = targets.subList(from, Math.min(targets.size(), from + chunk));
            if (budget.refused() || stop.getAsBoolean()) {
                outcomes.merge(SignalService.Outcome.DEFERRED, targets.size() - from, Integer::sum);
                break;
            }
            List<SignalService.Refresh> refreshed = signals != null ? batched(part, signals, budget)
                    : overRest(part, checker, budget);
            for (int i = 0; i < part.size(); i++) {
                SignalService.Refresh r = refreshed.get(i);
                outcomes.merge(r.outcome(), 1, Integer::sum);
                if (r.outcome() == SignalService.Outcome.DEFERRED) {
                    continue;
                }
                done++;
                if (r.outcome() == SignalService.Outcome.FETCHED && Objects.requireNonNull(r.signals()).placeholder().placeholder()) {
                    placeholders++;
                }
                if (refiner != null) {
                    refine(part.get(i).repoId(), r, refiner);
                }
            }
            listener.signals(new AuditListener.SignalsProgress(0, done, targets.size(),
                    outcomes.getOrDefault(SignalService.Outcome.DEFERRED, 0), checker.stats().requestsSent()));
        }
        log.info("signals: {} stale repositories, {}; {} placeholders; {} pauses for the reserve", targets.size(), outcomes,
                placeholders, budget.pauses());
        return new SignalService.Summary(outcomes, placeholders, checker.stats().requestsSent());
    }

    private static void refine(long repoId, SignalService.Refresh r, Refiner refiner) {
        switch (r.outcome()) {
            case EMPTY_REPOSITORY -> refiner.refine(repoId, RepoStatus.EMPTY, "Git Repository is empty. (no HEAD tree)");
            case FETCHED, NOT_MODIFIED -> {
                RepoSignals s = Objects.requireNonNull(r.signals());
                if (s.placeholder().placeholder()) {
                    refiner.refine(repoId, RepoStatus.PLACEHOLDER, "placeholder: " + s.placeholder().reason());
                } else {
                    refiner.refine(repoId, RepoStatus.OK, "found");
                }
            }
            case UNCHANGED, FAILED, DEFERRED -> { }
        }
    }

    private List<SignalService.Refresh> batched(List<SignalTarget> part, GitHubSignals signals, SignalBudget budget) {
        List<RepoRef> refs = new ArrayList<>(part.size());
        for (SignalTarget t : part) {
            refs.add(t.movedTo() != null ? new RepoRef(CodeHost.GITHUB, t.movedTo()) : t.ref());
        }
        List<RepoContents> contents = signals.fetch(refs, budget);
        List<SignalService.Refresh> out = new ArrayList<>(part.size());
        Instant now = service.clock.instant();
        for (int i = 0; i < part.size(); i++) {
            SignalTarget t = part.get(i);
            RepoContents c = contents.get(i);
            out.add(switch (c.outcome()) {
                case FOUND -> {
                    RepoSignals stored = service.store.load(t.repoId(), service.tokenFingerprint);
                    RepoSignals fresh = score(t, stored, Objects.requireNonNull(c.tree()), c.readme(), now);
                    service.store.save(t.repoId(), fresh, service.tokenFingerprint);
                    yield new SignalService.Refresh(SignalService.Outcome.FETCHED, fresh, "");
                }
                case EMPTY_REPOSITORY -> new SignalService.Refresh(SignalService.Outcome.EMPTY_REPOSITORY, null, "");
                case MISSING, FAILED -> {
                    log.debug("signals of {} not read: {}", t.ref().key(), c.reason());
                    yield new SignalService.Refresh(SignalService.Outcome.FAILED, null, c.reason());
                }
                case DEFERRED -> new SignalService.Refresh(SignalService.Outcome.DEFERRED, null, c.reason());
            });
        }
        return out;
    }

    private RepoSignals score(SignalTarget t, @Nullable RepoSignals stored, FileTree tree, @Nullable String readme,
            Instant now) {
        RepoMetadata m = t.metadata();
        String licence = m == null ? (stored == null ? null : stored.licence()) : m.license() == null ? "none" : m.license();
        Instant created = m == null || m.createdAt() == null ? (stored == null ? null : stored.createdAt()) : m.createdAt();
        Instant pushed = m == null ? null : m.pushedAt();
        return service.score(stored, tree, readme, licence, created, pushed, t.etag(), null, null, now);
    }

    /** GraphQL off: the conditional REST tree and README, one repository at a time, within the same budget. */
    private List<SignalService.Refresh> overRest(List<SignalTarget> part, GitHubChecker checker, SignalBudget budget) {
        List<SignalService.Refresh> out = new ArrayList<>(part.size());
        for (SignalTarget t : part) {
            if (!budget.mayQuery(ApiResource.CORE) || !budget.mayQuery(ApiResource.CORE)) {
                out.add(new SignalService.Refresh(SignalService.Outcome.DEFERRED, null, "budget"));
                continue;
            }
            out.add(service.refreshIfChanged(t.repoId(), t.ref(), t.movedTo(), t.metadata(), t.etag(), checker.contents()));
        }
        return out;
    }
}
