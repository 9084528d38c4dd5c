package org.reprotrack.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import org.reprotrack.store.ArchiveAnswer;
import org.reprotrack.store.ReportStore;

/**
 * Archived copies of a repository: the cached answer while it is fresh, else the archive is asked
 * and a definitive answer cached. No answer leaves the field empty with a note; nothing here
 * throws for an archive's sake.
 */
public final class ArchiveLookup {

    private final ReportStore store;
    private final SoftwareHeritageClient swh;
    private final @Nullable WaybackClient availability;
    private final HttpUrl waybackBase;
    private final Duration cacheFor;
    private final Clock clock;

    /**
     * @param availability the Wayback availability API, or null to give only the Wayback link
     * @param cacheFor how long an answer is reused before the archive is asked again
     */
    public ArchiveLookup(ReportStore store, SoftwareHeritageClient swh, @Nullable WaybackClient availability,
            HttpUrl waybackBase, Duration cacheFor, Clock clock) {
        this.store = store;
        this.swh = swh;
        this.availability = availability;
        this.waybackBase = waybackBase;
        this.cacheFor = cacheFor;
        this.clock = clock;
    }

    /** The Wayback link only, nothing asked (repositories that never held code, recovered ones). */
    ArchiveCopies linkOnly(String originUrl) {
        return ArchiveCopies.linkOnly(WaybackClient.link(waybackBase, originUrl));
    }

    /** Everything the archives say about an origin URL ({@code https://github.com/owner/repo}). */
    ArchiveCopies copies(String originUrl) {
        List<String> notes = new ArrayList<>();
        ArchiveAnswer s = answer(SoftwareHeritageClient.ARCHIVE, originUrl, notes, () -> swh.latestVisit(originUrl));
        ArchiveAnswer w = availability == null ? null
                : answer(WaybackClient.ARCHIVE, originUrl, notes, () -> availability.available(originUrl));
        return new ArchiveCopies(
                s == null ? null : s.archived(),
                s == null ? null : s.capturedAt(),
                s == null || !s.archived() ? null : s.copyUrl(),
                WaybackClient.link(waybackBase, originUrl),
                w == null ? null : w.archived(),
                w == null ? null : w.capturedAt(),
                w == null || !w.archived() ? null : w.copyUrl(),
                notes);
    }

    private interface Ask {
        ArchiveAnswer ask() throws ArchiveUnavailable;
    }

    private @Nullable ArchiveAnswer answer(String archive, String originUrl, List<String> notes, Ask ask) {
        Instant now = clock.instant();
        Optional<ArchiveAnswer> cached = store.cachedArchive(archive, originUrl);
        if (cached.isPresent() && cached.get().fetchedAt().plus(cacheFor).isAfter(now)) {
            return cached.get();
        }
        try {
            ArchiveAnswer fresh = ask.ask();
            store.cacheArchive(fresh);
            return fresh;
        } catch (ArchiveUnavailable e) {
            // an older answer beats none: say how old it is
            if (cached.isPresent()) {
                notes.add(e.getMessage() + "; showing the answer of " + cached.get().fetchedAt());
                return cached.get();
            }
            notes.add(e.getMessage());
            return null;
        }
    }
}
