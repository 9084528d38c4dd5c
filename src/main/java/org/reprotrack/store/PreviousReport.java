package org.reprotrack.store;

import java.time.Instant;
import java.util.Map;

/**
 * What an earlier report contained: its time and the status of every dead or never-released
 * repository then, by key.
 */
public record PreviousReport(long id, Instant generatedAt, Map<String, String> statuses) {
    public PreviousReport {
        statuses = Map.copyOf(statuses);
    }
}
