package org.reprotrack.web.view;

import org.jspecify.annotations.Nullable;
import org.reprotrack.check.PaperStatus;
import org.reprotrack.store.CollectionRow;
import org.reprotrack.store.CollectionStore;
import org.reprotrack.store.PaperPage;
import org.reprotrack.store.PaperQuery;

/** One collection: its overview figures and a page of its papers, filtered as the paper list is. */
public record CollectionView(CollectionRow collection, CollectionStore.Overview overview, PaperQuery query, PaperPage page, int pageNo,
        @Nullable String prev, @Nullable String next) {

    public int count(PaperStatus s) {
        return overview.papers().getOrDefault(s, 0);
    }

    public boolean statusIs(PaperStatus s) {
        return query.status() == s;
    }

    public String path() {
        return "/collections/" + collection.name();
    }
}
