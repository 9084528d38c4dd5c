package org.reprotrack.store;

import org.jspecify.annotations.Nullable;

/** One link as listed by {@code reprotrack links}; status is its repository's, or its page's for other links. */
public record LinkRow(
        String paperId,
        String url,
        String kind,
        String host,
        @Nullable String repoKey,
        boolean promised,
        boolean inComments,
        String context,
        String status) {
}
