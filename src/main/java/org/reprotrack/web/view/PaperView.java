package org.reprotrack.web.view;

import java.util.List;
import org.reprotrack.store.CodeLinkRow;
import org.reprotrack.store.PaperDetail;

/** The paper page: the paper, its code links with their repositories' timelines, its other links. */
public record PaperView(PaperDetail paper, List<RepoTimeline> code, List<CodeLinkRow> other) {
    public PaperView {
        code = List.copyOf(code);
        other = List.copyOf(other);
    }
}
