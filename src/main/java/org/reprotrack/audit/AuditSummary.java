package org.reprotrack.audit;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one audit run did.
 *
 * @param runId the audit_run row
 * @param checked repository checks recorded
 * @param verdicts repository checks per verdict of this run (UNKNOWN included)
 * @param pageVerdicts checks of other links' pages per verdict
 * @param newlyDead repositories whose death was confirmed in this run
 * @param recovered repositories reachable again after failing or being dead
 * @param moved repositories found under a new name, as {@code key -> new name}
 * @param startedFailing repositories with a first dead verdict, re-checked within the grace period
 * @param requests GitHub requests sent
 * @param waits rate-limit waits
 * @param waited time spent waiting for rate limits
 * @param elapsed the run's duration
 * @param stillDue repositories left due after the run (e.g. capped by the budget without a token)
 */
public record AuditSummary(
        long runId,
        int checked,
        Map<String, Integer> verdicts,
        Map<String, Integer> pageVerdicts,
        List<String> newlyDead,
        List<String> recovered,
        Map<String, String> moved,
        List<String> startedFailing,
        long requests,
        long waits,
        Duration waited,
        Duration elapsed,
        int stillDue) {
}
