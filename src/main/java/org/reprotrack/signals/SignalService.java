package org.reprotrack.signals;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.reprotrack.audit.VerdictHook;
import org.reprotrack.check.CheckResult;
import org.reprotrack.check.RepoMetadata;
import org.reprotrack.check.RepoStatus;
import org.reprotrack.check.github.Fetched;
import org.reprotrack.check.github.GitHubChecker;
import org.reprotrack.check.github.GitHubContents;
import org.reprotrack.check.signals.Checklist;
import org.reprotrack.check.signals.ChecklistScorer;
import org.reprotrack.check.signals.FileTree;
import org.reprotrack.check.signals.Placeholder;
import org.reprotrack.check.signals.PlaceholderDetector;
import org.reprotrack.check.signals.RepoSignals;
import org.reprotrack.links.CodeHost;
import org.reprotrack.links.RepoRef;
import org.reprotrack.store.DueRepo;
import org.reprotrack.store.SignalStore;
import org.reprotrack.store.SignalTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches, scores and stores the reproducibility signals of GitHub repositories, and only when a
 * repository changed: its {@code pushed_at} or its ETag moved since the signals were fetched (what
 * the store has decides). Then the tree and README are asked for conditionally; two 304s reuse the
 * stored verdicts. Thread-safe.
 *
 * <p>As a {@link VerdictHook} it refines a reachable GitHub verdict from the stored signals only,
 * without a request; the fetching happens in {@link SignalLane}, after the run's verdicts.
 */
public final class SignalService implements VerdictHook {
    private static final Logger log = LoggerFactory.getLogger(SignalService.class);

    /** What one refresh did. */
    public enum Outcome {
        /** Nothing moved since the last fetch: no request sent. */
        UNCHANGED,
        /** Tree and README answered 304: the stored verdicts stand. */
        NOT_MODIFIED,
        /** Tree or README changed: scored again. */
        FETCHED,
        /** The tree answered 409: the repository has no commits. */
        EMPTY_REPOSITORY,
        /** No usable answer (after retries); the stored signals, if any, stay. */
        FAILED,
        /** Not asked: the budget the verdicts left is spent, or a stop came; left for the next run. */
        DEFERRED
    }

    /**
     * @param outcome what happened
     * @param signals the signals now in force: fresh, reused, or the stored ones when nothing was fetched
     * @param detail the failure's reason, else empty
     */
    public record Refresh(Outcome outcome, @Nullable RepoSignals signals, String detail) {
    }

    /** Counts of a {@link SignalLane#refresh} run. */
    public record Summary(Map<Outcome, Integer> outcomes, int placeholders, long requests) {
    }

    final SignalStore store;
    final Clock clock;
    final String tokenFingerprint;
    private final ChecklistScorer scorer = new ChecklistScorer();
    private final PlaceholderDetector detector = new PlaceholderDetector();

    /** @param tokenFingerprint which token stored ETags must belong to for a conditional request */
    public SignalService(SignalStore store, Clock clock, String tokenFingerprint) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokenFingerprint = Objects.requireNonNull(tokenFingerprint, "tokenFingerprint");
    }

    /**
     * Refreshes one repository's signals if it changed since the last fetch.
     *
     * @param movedTo the name to ask for when the repository moved
     * @param metadata what its last check said (default branch, pushed_at, licence, created_at)
     * @param repoEtag the ETag of its last check's answer
     * @throws org.reprotrack.check.github.BadCredentialsException when GitHub rejects the token
     */
    public Refresh refreshIfChanged(long repoId, RepoRef ref, @Nullable String movedTo, @Nullable RepoMetadata metadata,
            @Nullable String repoEtag, GitHubContents github) {
        RepoSignals stored = store.load(repoId, tokenFingerprint);
        Instant pushed = metadata == null ? null : metadata.pushedAt();
        if (stored != null && Objects.equals(stored.basedOnPushedAt(), pushed)
                && !moved(stored.basedOnEtag(), repoEtag)) {
            return new Refresh(Outcome.UNCHANGED, stored, "");
        }
        String[] name = (movedTo != null ? movedTo : ref.path()).split("/", 2);
        if (name.length != 2) {
            return new Refresh(Outcome.FAILED, stored, "not an owner/name path: " + ref.path());
        }
        String branch = metadata == null || metadata.defaultBranch() == null ? "HEAD" : metadata.defaultBranch();
        Fetched<FileTree> tree = github.tree(name[0], name[1], branch, stored == null ? null : stored.treeEtag());
        switch (tree.outcome()) {
            case FAILED, MISSING -> {
                return failed(ref, stored, "tree: " + (tree.outcome() == Fetched.Outcome.MISSING
                        ? "no branch " + branch : tree.reason()));
            }
            case EMPTY_REPOSITORY -> {
                return new Refresh(Outcome.EMPTY_REPOSITORY, stored, "");
            }
            case FOUND, NOT_MODIFIED -> { }
        }
        Fetched<String> readme = github.readme(name[0], name[1], stored == null ? null : stored.readmeEtag());
        if (readme.outcome() == Fetched.Outcome.FAILED || readme.outcome() == Fetched.Outcome.EMPTY_REPOSITORY) {
            return failed(ref, stored, "README: " + readme.reason());
        }
        Instant now = clock.instant();
        String licence = metadata == null ? (stored == null ? null : stored.licence())
                : metadata.license() == null ? "none" : metadata.license();
        Instant created = metadata == null || metadata.createdAt() == null
                ? (stored == null ? null : stored.createdAt()) : metadata.createdAt();
        if (stored != null && tree.outcome() == Fetched.Outcome.NOT_MODIFIED
                && readme.outcome() == Fetched.Outcome.NOT_MODIFIED) {
            RepoSignals reused = new RepoSignals(stored.checklist(), stored.placeholder(), stored.partial(), stored.files(),
                    stored.readmeFound(), licence, created, pushed, repoEtag, tree.etag(), readme.etag(), now,
                    stored.firstNonPlaceholderAt(), stored.seenAsPlaceholder());
            store.save(repoId, reused, tokenFingerprint);
            return new Refresh(Outcome.NOT_MODIFIED, reused, "");
        }
        // One side changed: the rules need both bodies, and we keep neither, so the unchanged side
        // is asked again without its ETag. Rare (a README edit moves the tree too), and simpler than
        // storing every tree.
        if (tree.outcome() == Fetched.Outcome.NOT_MODIFIED) {
            tree = github.tree(name[0], name[1], branch, null);
            if (tree.outcome() != Fetched.Outcome.FOUND) {
                return failed(ref, stored, "tree: " + tree.reason());
            }
        }
        if (readme.outcome() == Fetched.Outcome.NOT_MODIFIED) {
            readme = github.readme(name[0], name[1], null);
            if (readme.outcome() == Fetched.Outcome.FAILED || readme.outcome() == Fetched.Outcome.EMPTY_REPOSITORY) {
                return failed(ref, stored, "README: " + readme.reason());
            }
        }
        FileTree files = Objects.requireNonNull(tree.value());
        boolean found = readme.outcome() == Fetched.Outcome.FOUND;
        RepoSignals fresh = score(stored, files, found ? Objects.requireNonNull(readme.value()) : null, licence, created,
                pushed, repoEtag, tree.etag(), found ? readme.etag() : null, now);
        store.save(repoId, fresh, tokenFingerprint);
        return new Refresh(Outcome.FETCHED, fresh, "");
    }

    /**
     * Scores a tree and README into the signals to store, keeping from the stored ones when code
     * first appeared and whether the repository was ever seen as a placeholder.
     *
     * @param readme the README's text, null when the repository has none
     */
    RepoSignals score(@Nullable RepoSignals stored, FileTree files, @Nullable String readme, @Nullable String licence,
            @Nullable Instant created, @Nullable Instant pushed, @Nullable String repoEtag, @Nullable String treeEtag,
            @Nullable String readmeEtag, Instant now) {
        String text = readme == null ? "" : readme;
        Checklist checklist = scorer.score(files, text);
        Placeholder placeholder = detector.detect(files, text);
        Instant firstCode = stored != null && stored.firstNonPlaceholderAt() != null ? stored.firstNonPlaceholderAt()
                : placeholder.placeholder() ? null : now;
        boolean seenAsPlaceholder = stored == null ? placeholder.placeholder()
                : stored.firstNonPlaceholderAt() != null ? stored.seenAsPlaceholder()
                : stored.seenAsPlaceholder() || stored.placeholder().placeholder() || placeholder.placeholder();
        return new RepoSignals(checklist, placeholder, files.truncated(), files.files().size(), readme != null, licence,
                created, pushed, repoEtag, treeEtag, readmeEtag, now, firstCode, seenAsPlaceholder);
    }

    /** An ETag moved only when both are known: GraphQL answers carry none. */
    private static boolean moved(@Nullable String before, @Nullable String now) {
        return before != null && now != null && !before.equals(now);
    }

    private static Refresh failed(RepoRef ref, @Nullable RepoSignals stored, String reason) {
        log.debug("signals of {} not refreshed: {}", ref.key(), reason);
        return new Refresh(Outcome.FAILED, stored, reason);
    }

    /**
     * The audit hook, which sends nothing and so never makes a verdict wait: a reachable GitHub
     * verdict becomes PLACEHOLDER when the stored signals find no code (they stand until the
     * signals lane reads the repository again, after the run's verdicts), and a PLACEHOLDER
     * repeated by a 304 becomes the reachable verdict again when the stored signals found code.
     */
    @Override
    public CheckResult afterCheck(DueRepo repo, CheckResult result, GitHubChecker github) {
        RepoRef ref = repo.known().ref();
        if (ref.host() != CodeHost.GITHUB || !inspectable(result.status())) {
            return result;
        }
        RepoSignals s = store.load(repo.id(), tokenFingerprint);
        if (s == null) {
            return result;
        }
        if (s.placeholder().placeholder()) {
            return with(result, RepoStatus.PLACEHOLDER, "placeholder: " + s.placeholder().reason());
        }
        if (result.status() == RepoStatus.PLACEHOLDER) {
            boolean archived = result.metadata() != null && Boolean.TRUE.equals(result.metadata().archived());
            return with(result, archived ? RepoStatus.ARCHIVED : RepoStatus.OK, "found");
        }
        return result;
    }

    /** Verdicts that say the repository is there: a 304 repeats PLACEHOLDER, so it is one of them. */
    static boolean inspectable(RepoStatus status) {
        return switch (status) {
            case OK, ARCHIVED, MOVED, PLACEHOLDER -> true;
            case EMPTY, REPLACED, NOT_FOUND, BLOCKED, UNKNOWN -> false;
        };
    }

    static CheckResult with(CheckResult r, RepoStatus status, String detail) {
        return new CheckResult(r.ref(), r.checkedAt(), status, r.httpStatus(), detail, r.metadata(), r.etag(), r.movedTo(),
                r.hostId(), r.blockReason(), r.requestId());
    }
}
