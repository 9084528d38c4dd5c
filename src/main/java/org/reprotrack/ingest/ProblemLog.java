package org.reprotrack.ingest;

import java.util.ArrayList;
import java.util.List;

/** The records a file skipped: all counted, the first few kept with their line and reason. */
public final class ProblemLog {

    /** One skipped record. */
    public record Problem(long line, String reason) {
        @Override
        public String toString() {
            return line > 0 ? "line " + line + ": " + reason : reason;
        }
    }

    private final int keep;
    private final List<Problem> kept = new ArrayList<>();
    private long count;

    ProblemLog(int keep) {
        this.keep = keep;
    }

    void add(long line, String reason) {
        count++;
        if (kept.size() < keep) {
            kept.add(new Problem(line, reason));
        }
    }

    public long count() {
        return count;
    }

    public List<Problem> kept() {
        return List.copyOf(kept);
    }
}
