package org.reprotrack.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.PaperStatus;

/**
 * A paper as the dashboard's list filters and orders it, as of the last refresh.
 *
 * @param hosts the hosts of its code links, lower case, sorted, no repeats
 * @param bestScore the best checklist score of its code repositories; null when none has signals
 * @param placeholder one of its code repositories is a placeholder (status or signals)
 * @param promiseOpen one of its promised code repositories has not kept the promise (yet), or it is
 *     PROMISED_NO_LINK: it promised code without giving a link
 * @param textStamp changes when its title, abstract, comments or links change
 */
public record Listing(String paperId, PaperStatus status, @Nullable Instant published, List<String> hosts,
        @Nullable Integer bestScore, boolean placeholder, boolean promiseOpen, long textStamp) {

    public Listing {
        hosts = List.copyOf(hosts);
    }

    /** The year of the first version (UTC), null without a date. */
    public @Nullable Integer year() {
        return published == null ? null : published.atOffset(ZoneOffset.UTC).getYear();
    }
}
