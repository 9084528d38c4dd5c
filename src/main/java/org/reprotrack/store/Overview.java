package org.reprotrack.store;

import java.util.List;
import java.util.Map;
import org.reprotrack.check.PaperStatus;

/**
 * The figures of the overview, computed together in one pass over the store: papers per status,
 * repositories per status, code hosts, the daily reachable share replayed from the history, and
 * papers per best checklist score (0 to 5; papers whose repositories have no signals yet are not counted).
 */
public record Overview(Map<PaperStatus, Integer> paperCounts, Map<String, Integer> repoCounts,
        List<String> hosts, List<DailyShare> daily, int papers, int papersWithCodeLinks, Map<Integer, Integer> papersByScore) {
    public Overview {
        paperCounts = Map.copyOf(paperCounts);
        repoCounts = Map.copyOf(repoCounts);
        hosts = List.copyOf(hosts);
        daily = List.copyOf(daily);
        papersByScore = Map.copyOf(papersByScore);
    }

    public int count(PaperStatus status) {
        return paperCounts.getOrDefault(status, 0);
    }
}
