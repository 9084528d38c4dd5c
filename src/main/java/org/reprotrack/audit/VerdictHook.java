package org.reprotrack.audit;

import org.reprotrack.check.CheckResult;
import org.reprotrack.check.github.GitHubChecker;
import org.reprotrack.store.DueRepo;

/**
 * Looks at a GitHub check's answer before the audit records it, and may refine the verdict: the
 * reproducibility signals (issue 7) turn a reachable repository without code into PLACEHOLDER,
 * which only its tree and README can show. Called from several audit threads at once; gets the
 * run's {@link GitHubChecker} so its requests go through the same gate and budget as the checks.
 */
@FunctionalInterface
public interface VerdictHook {

    /**
     * @return the result to record: {@code result} itself, or a copy with a refined verdict
     * @throws org.reprotrack.check.github.BadCredentialsException when GitHub rejects the token
     */
    CheckResult afterCheck(DueRepo repo, CheckResult result, GitHubChecker github);

    /** Records what the checker said. */
    VerdictHook NONE = (repo, result, github) -> result;
}
