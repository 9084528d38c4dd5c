package org.reprotrack.store;

import java.time.LocalDate;

/**
 * At the end of one day (UTC): how many papers had at least one checked code link, and how many of
 * those had one reachable.
 */
public record DailyShare(LocalDate day, int checkedPapers, int reachablePapers) {

    /** Reachable share in percent, 0 when nothing was checked yet. */
    public double percent() {
        return checkedPapers == 0 ? 0 : 100.0 * reachablePapers / checkedPapers;
    }
}
