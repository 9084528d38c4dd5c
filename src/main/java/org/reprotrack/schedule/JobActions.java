package org.reprotrack.schedule;

import java.util.function.BooleanSupplier;

/** What each job does: the same services the command line calls. Implemented by the composition root. */
@FunctionalInterface
public interface JobActions {

    /**
     * Runs one job to completion, or until {@code stopRequested} turns true (then at a checkpoint:
     * nothing recorded is lost).
     *
     * @return a one-line result for {@code reprotrack status}
     * @throws Exception a failure, recorded as the run's message
     */
    String run(JobKind kind, BooleanSupplier stopRequested) throws Exception;
}
