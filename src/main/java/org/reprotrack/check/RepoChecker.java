package org.reprotrack.check;

/**
 * Checks one repository on one code host. Implementations never throw for what a host answers or
 * for a broken connection: those are results (a transient failure is {@link RepoStatus#UNKNOWN}
 * with its reason, never a dead verdict).
 */
@FunctionalInterface
public interface RepoChecker {
    /**
     * The verdict for one repository.
     *
     * @throws IllegalArgumentException for a repository on a host this checker does not serve
     */
    CheckResult check(KnownState known);
}
