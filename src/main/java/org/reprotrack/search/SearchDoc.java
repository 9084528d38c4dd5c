package org.reprotrack.search;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.PaperStatus;

/**
 * One paper as the search index sees it: the text to match and the values the filters and orders read.
 *
 * @param paperId the paper's id (arXiv style, e.g. {@code 2108.08839} or {@code hep-th/9901001}); the index key
 * @param repoKeys lower-case repository keys of its code links, e.g. {@code github.com/owner/name}
 * @param year the publication year (the year filter), null when unknown
 * @param hosts lower-case code hosts of its code links, e.g. {@code github.com}
 * @param published publication instant (the date orders and the promise filter), kept to the millisecond
 * @param bestScore the best checklist score (0 to 5) of its code repositories, null when none has signals
 * @param placeholder one of its code repositories is a placeholder
 * @param promiseOpen one of its promised code repositories has not appeared ({@code SignalStore.PROMISE_NOT_KEPT})
 */
public record SearchDoc(String paperId, @Nullable String title, @Nullable String abstractText, List<String> repoKeys,
        PaperStatus status, @Nullable Integer year, List<String> hosts, @Nullable Instant published,
        @Nullable Integer bestScore, boolean placeholder, boolean promiseOpen) {

    public SearchDoc {
        Objects.requireNonNull(paperId, "paperId");
        Objects.requireNonNull(status, "status");
        if (paperId.isBlank()) {
            throw new IllegalArgumentException("paperId must not be blank");
        }
        if (bestScore != null && (bestScore < 0 || bestScore > 5)) {
            throw new IllegalArgumentException("bestScore must be between 0 and 5");
        }
        repoKeys = List.copyOf(repoKeys);
        hosts = List.copyOf(hosts);
    }
}
