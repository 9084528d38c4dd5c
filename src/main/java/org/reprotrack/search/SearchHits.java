package org.reprotrack.search;

import java.util.List;

/** One page of search results: paper ids in the requested order, and whether another page follows (no total). */
public record SearchHits(List<String> paperIds, boolean hasNext) {

    static final SearchHits NONE = new SearchHits(List.of(), false);

    public SearchHits {
        paperIds = List.copyOf(paperIds);
    }
}
