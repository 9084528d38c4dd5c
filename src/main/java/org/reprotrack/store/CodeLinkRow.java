package org.reprotrack.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A link of a paper with the state of what it points to: a repository for code links, a web
 * page for other links. {@code status} is a CurrentStatus name.
 */
public record CodeLinkRow(String url, String kind, String host, @Nullable String repoKey, String status,
        @Nullable Integer httpStatus, @Nullable String detail, @Nullable String movedTo, @Nullable String blockReason,
        @Nullable Instant lastChecked, @Nullable Instant statusSince, boolean promised, boolean inComments,
        String context, boolean reachedBefore) {

    public boolean code() {
        return "code".equals(kind);
    }
}
