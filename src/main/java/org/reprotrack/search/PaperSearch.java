package org.reprotrack.search;

import java.util.List;
import org.reprotrack.store.ListedPaper;
import org.reprotrack.store.Listing;
import org.reprotrack.store.ListingStore;
import org.reprotrack.store.PaperQuery;

/**
 * The paper list's text search: a Lucene index kept in step with the store's listing. The store
 * stays the truth; the index is a node-local copy that {@link #sync()} brings up to the listing's
 * version (all of it when the index is new or was built from another database), so every node of
 * a cluster keeps its own.
 */
public final class PaperSearch implements AutoCloseable {

    private final PaperSearchIndex index;
    private final ListingStore listing;
    private @org.jspecify.annotations.Nullable String storeId; // a database's id never changes: read once

    public PaperSearch(PaperSearchIndex index, ListingStore listing) {
        this.index = index;
        this.listing = listing;
    }

    /** Applies the listings changed since the index's version; returns how many papers it updated. */
    public synchronized int sync() {
        if (storeId == null) {
            storeId = listing.storeId();
        }
        long target = listing.version();
        if (!storeId.equals(index.source()) || index.version() > target) {
            index.clear(storeId);
        }
        long from = index.version();
        if (from == target) {
            return 0;
        }
        int[] updated = {0};
        // batches commit under the old version, so an interrupted sync starts again from there
        listing.changed(from, target, batch -> {
            index.apply(batch.stream().map(PaperSearch::doc).toList(), List.of(), from);
            updated[0] += batch.size();
        });
        index.apply(List.of(), List.of(), target);
        return updated[0];
    }

    /** One page of papers matching the query's text, filtered and ordered as the list is. */
    public SearchHits search(PaperQuery q) {
        return index.search(q);
    }

    private static SearchDoc doc(ListedPaper p) {
        Listing l = p.listing();
        return new SearchDoc(l.paperId(), p.title(), p.abstractText(), p.repoKeys(), l.status(), l.year(), l.hosts(), l.published(),
                l.bestScore(), l.placeholder(), l.promiseOpen());
    }

    @Override
    public void close() {
        index.close();
    }
}
