package org.reprotrack.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.reprotrack.check.CheckResult;
import org.reprotrack.check.StatusPolicy;
import org.reprotrack.check.github.RateLimitStats;
import org.reprotrack.store.DueRepo;

/** Counts of one run, filled from several threads. */
final class Tally {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Integer> verdicts = new TreeMap<>();
    private final Map<String, Integer> pageVerdicts = new TreeMap<>();
    private final List<String> newlyDead = new ArrayList<>();
    private final List<String> recovered = new ArrayList<>();
    private final Map<String, String> moved = new TreeMap<>();
    private final List<String> startedFailing = new ArrayList<>();
    private int checked;

    synchronized void add(DueRepo repo, CheckResult result, StatusPolicy.Transition transition) {
        checked++;
        verdicts.merge(result.status().name(), 1, Integer::sum);
        String key = repo.known().ref().key();
        switch (transition.change()) {
            case NEWLY_DEAD -> newlyDead.add(key);
            case RECOVERED -> recovered.add(key);
            case MOVED -> moved.put(key, String.valueOf(result.movedTo()));
            case STARTED_FAILING -> startedFailing.add(key);
            case NONE, OTHER -> { }
        }
    }

    synchronized void addPage(org.reprotrack.check.RepoStatus verdict) {
        pageVerdicts.merge(verdict.name(), 1, Integer::sum);
    }

    synchronized String changesJson() {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("newly_dead", sorted(newlyDead));
        changes.put("recovered", sorted(recovered));
        changes.put("moved", moved);
        changes.put("started_failing", sorted(startedFailing));
        return json(changes);
    }

    synchronized AuditSummary summary(long runId, RateLimitStats stats, Duration elapsed, int stillDue) {
        return new AuditSummary(runId, checked, Map.copyOf(verdicts), Map.copyOf(pageVerdicts), sorted(newlyDead), sorted(recovered), Map.copyOf(moved),
                sorted(startedFailing), stats.requestsSent(), stats.waits(), stats.totalWait(), elapsed, stillDue);
    }

    private static List<String> sorted(List<String> keys) {
        return keys.stream().sorted().toList();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
