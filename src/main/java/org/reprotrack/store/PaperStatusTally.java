package org.reprotrack.store;

import org.reprotrack.check.CurrentStatus;
import org.reprotrack.check.PaperStatus;

/**
 * A paper's status from its code links, one link at a time, by the rules of status-model.md: a
 * promised repository that is missing and was never seen alive counts as "no code yet", not as
 * dead code.
 */
final class PaperStatusTally {

    private int links;
    private boolean reachable;
    private boolean noCodeYet;
    private boolean dead;

    /**
     * @param reachedBefore the repository was seen reachable at some point
     */
    void add(CurrentStatus status, boolean promised, boolean reachedBefore) {
        boolean neverThere = promised && !reachedBefore && status.dead();
        links++;
        reachable |= status.reachable();
        noCodeYet |= status.noCodeYet() || neverThere;
        dead |= status.dead() && !neverThere;
    }

    /** @param paperPromised the paper promises code, models or data (paper.promised) */
    PaperStatus status(boolean paperPromised) {
        return PaperStatus.of(links, reachable, noCodeYet, dead, paperPromised);
    }
}
