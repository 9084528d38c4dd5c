package org.reprotrack.report;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a copy of a repository may survive.
 *
 * @param swhArchived Software Heritage has a snapshot of the origin; null when not asked or no answer
 * @param swhLastVisit the last visit with a snapshot
 * @param swhUrl where to browse the archived origin (only when archived)
 * @param waybackUrl the Wayback Machine link for the URL, always given (it lists whatever captures exist)
 * @param waybackAvailable the availability API found a capture; null when not asked or no answer
 * @param waybackCapture the closest capture's URL, when the availability API found one
 * @param notes why a field is empty (timeout, rate limit), one line each
 */
public record ArchiveCopies(
        @Nullable Boolean swhArchived,
        @Nullable Instant swhLastVisit,
        @Nullable String swhUrl,
        String waybackUrl,
        @Nullable Boolean waybackAvailable,
        @Nullable Instant waybackCapturedAt,
        @Nullable String waybackCapture,
        List<String> notes) {

    public ArchiveCopies {
        notes = List.copyOf(notes);
    }

    /** Only the Wayback link: nothing asked. */
    public static ArchiveCopies linkOnly(String waybackUrl) {
        return new ArchiveCopies(null, null, null, waybackUrl, null, null, null, List.of());
    }

    /** The notes as one line. */
    public String note() {
        return String.join("; ", notes);
    }
}
