package org.reprotrack.store;

import org.jspecify.annotations.Nullable;
import org.reprotrack.check.PaperStatus;

/**
 * One page of the paper list: an optional search text (title, abstract, id, repository key),
 * filters, an order, and the page as offset and size.
 *
 * @param minScore only papers with a code repository scoring at least this (0 to 5) on the checklist
 * @param placeholder only papers with a placeholder code repository (signals or status PLACEHOLDER)
 * @param promiseCutoff only papers with a promise not kept ({@link SignalStore#promisesNotKept}):
 *     published before this instant (now minus {@code signals.promise_days})
 */
public record PaperQuery(@Nullable String search, @Nullable PaperStatus status, @Nullable String host,
        @Nullable Integer year, @Nullable Integer minScore, boolean placeholder, java.time.@Nullable Instant promiseCutoff,
        PaperSort sort, int offset, int limit) {

    public static final int MAX_LIMIT = 100;

    /** Without the signal filters. */
    public PaperQuery(@Nullable String search, @Nullable PaperStatus status, @Nullable String host,
            @Nullable Integer year, PaperSort sort, int offset, int limit) {
        this(search, status, host, year, null, false, null, sort, offset, limit);
    }

    public PaperQuery {
        if (minScore != null && (minScore < 0 || minScore > 5)) {
            throw new IllegalArgumentException("minScore must be between 0 and 5");
        }
        if (search != null && search.isBlank()) {
            search = null;
        }
        if (host != null && host.isBlank()) {
            host = null;
        }
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("offset must be >= 0 and limit between 1 and " + MAX_LIMIT);
        }
    }
}
