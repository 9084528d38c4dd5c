package org.reprotrack.audit;

import java.util.function.BooleanSupplier;
import org.reprotrack.check.RepoStatus;
import org.reprotrack.check.github.GitHubChecker;

/**
 * Work an audit does after all of its run's verdicts are recorded, on the run's GitHub client and
 * with what budget the verdicts left: the reproducibility signals. It never delays a verdict, and
 * whatever it cannot finish is left for the next run.
 */
@FunctionalInterface
public interface AfterVerdicts {

    /**
     * @param refiner records a verdict refined by what was learned (PLACEHOLDER, EMPTY, or code
     *     found after a PLACEHOLDER), through the same StatusPolicy path as every check
     * @param stop true once the audit was asked to stop
     */
    void run(GitHubChecker checker, Refiner refiner, AuditListener listener, BooleanSupplier stop);

    /** Records a refined verdict without asking GitHub again. Thread-safe. */
    @FunctionalInterface
    interface Refiner {
        /**
         * @param status PLACEHOLDER (no code), EMPTY (no commits) or OK (code found); ignored
         *     unless it refines the recorded verdict (e.g. PLACEHOLDER only over a reachable one)
         * @return true when a check was recorded
         */
        boolean refine(long repoId, RepoStatus status, String detail);
    }

    /** Nothing after the verdicts. */
    AfterVerdicts NONE = (checker, refiner, listener, stop) -> { };
}
