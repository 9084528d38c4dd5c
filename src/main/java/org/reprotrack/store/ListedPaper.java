package org.reprotrack.store;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A paper's listing with the text a search index needs. */
public record ListedPaper(Listing listing, @Nullable String title, @Nullable String abstractText, List<String> repoKeys) {
    public ListedPaper {
        repoKeys = List.copyOf(repoKeys);
    }
}
