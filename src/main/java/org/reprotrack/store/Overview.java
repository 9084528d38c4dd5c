package org.reprotrack.store;

import java.util.List;
import java.util.Map;
import org.reprotrack.check.PaperStatus;

/**
 * The figures of the overview, computed together in one pass over the store: papers per status,
 * repositories per status, code hosts, and the daily reachable share replayed from the history.
 */
public record Overview(Map<PaperStatus, Integer> paperCounts, Map<String, Integer> repoCounts,
        List<String> hosts, List<DailyShare> daily, int papers, int papersWithCodeLinks) {
    public Overview {
        paperCounts = Map.copyOf(paperCounts);
        repoCounts = Map.copyOf(repoCounts);
        hosts = List.copyOf(hosts);
        daily = List.copyOf(daily);
    }

    public int count(PaperStatus status) {
        return paperCounts.getOrDefault(status, 0);
    }
}
