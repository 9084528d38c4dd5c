package org.reprotrack.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.reprotrack.search.PaperSearch;
import org.reprotrack.store.ListingStore;
import org.reprotrack.store.Overview;
import org.reprotrack.store.OverviewStore;
import org.reprotrack.store.ArchiveStore;
import org.reprotrack.store.SurvivalStore;
import org.reprotrack.survival.SurvivalFigures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The overview figures, the paper listing the list filters on, the survival curves and the search index, recomputed
 * only when the store's fingerprint changed (a new check, paper or audit run) or the day turned.
 * Requests read the last computed values: a refresh costs one pass over the store, a request must not.
 */
final class OverviewCache {

    private static final Logger LOG = LoggerFactory.getLogger(OverviewCache.class);

    private final OverviewStore store;
    private final ListingStore listing;
    private final PaperSearch search;
    private final Clock clock;
    private volatile @Nullable Overview current;
    private volatile @Nullable SurvivalFigures survival;
    private volatile ArchiveStore.Counts archiveCounts = new ArchiveStore.Counts(0, 0);
    private @Nullable String fingerprint;
    private @Nullable LocalDate day;

    OverviewCache(OverviewStore store, ListingStore listing, PaperSearch search, Clock clock) {
        this.store = store;
        this.listing = listing;
        this.search = search;
        this.clock = clock;
    }

    /** Recomputes when something changed; safe to call often (one cheap query otherwise). */
    synchronized void refresh() {
        String now = store.fingerprint();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (current != null && Objects.equals(now, fingerprint) && today.equals(day)) {
            return;
        }
        long start = System.nanoTime();
        int changed = listing.refresh();
        int indexed = search.sync();
        current = store.overview(today);
        archiveCounts = store.archives().counts();
        long survivalStart = System.nanoTime();
        SurvivalStore.Observations seen = store.survival().observations();
        survival = SurvivalFigures.of(seen.subjects(), seen.undated(), seen.unchecked(), clock.instant());
        LOG.info("survival curves of {} links computed in {} ms", seen.subjects().size(), (System.nanoTime() - survivalStart) / 1_000_000);
        fingerprint = now;
        day = today;
        LOG.info("overview refreshed in {} ms ({} paper listings changed, {} papers indexed for search)",
                (System.nanoTime() - start) / 1_000_000, changed, indexed);
    }

    /** Vulnerable live repositories and those never asked about, as of the last refresh (issue 16). */
    ArchiveStore.Counts archiveCounts() {
        return archiveCounts;
    }

    /** The survival curves of the last refresh (issue 16), computed with the listing. */
    SurvivalFigures survival() {
        SurvivalFigures f = survival;
        if (f == null) {
            refresh();
            f = Objects.requireNonNull(survival);
        }
        return f;
    }

    Overview get() {
        Overview o = current;
        if (o == null) {
            refresh();
            o = Objects.requireNonNull(current);
        }
        return o;
    }
}
