package org.reprotrack.store;

import org.jspecify.annotations.Nullable;
import org.reprotrack.check.PaperStatus;

/**
 * One page of the paper list: an optional search text (title, abstract, id, repository key),
 * filters, an order, and the page as offset and size.
 */
public record PaperQuery(@Nullable String search, @Nullable PaperStatus status, @Nullable String host,
        @Nullable Integer year, PaperSort sort, int offset, int limit) {

    public static final int MAX_LIMIT = 100;

    public PaperQuery {
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
