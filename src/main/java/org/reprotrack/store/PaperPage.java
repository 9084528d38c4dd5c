package org.reprotrack.store;

import java.util.List;

/** A page of the paper list and whether another page follows (no total: counting would scan every match). */
public record PaperPage(List<PaperListRow> papers, boolean hasNext) {
    public PaperPage {
        papers = List.copyOf(papers);
    }
}
