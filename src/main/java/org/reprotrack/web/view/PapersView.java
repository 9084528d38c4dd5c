package org.reprotrack.web.view;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reprotrack.store.PaperPage;
import org.reprotrack.store.PaperQuery;

/** The paper list: the query as given (to refill the form), the page, and links to the pages around it. */
public record PapersView(PaperQuery query, PaperPage page, int pageNo, List<String> hosts, @Nullable String prev,
        @Nullable String next) {
    public PapersView {
        hosts = List.copyOf(hosts);
    }

    public String search() {
        return query.search() == null ? "" : query.search();
    }

    public String year() {
        return query.year() == null ? "" : query.year().toString();
    }

    public boolean statusIs(org.reprotrack.check.PaperStatus s) {
        return query.status() == s;
    }

    public boolean hostIs(String h) {
        return h.equals(query.host());
    }

    public boolean scoreIs(int score) {
        return query.minScore() != null && query.minScore() == score;
    }

    public boolean placeholder() {
        return query.placeholder();
    }

    public boolean promiseNotKept() {
        return query.promiseCutoff() != null;
    }

    public boolean sortIs(org.reprotrack.store.PaperSort s) {
        return query.sort() == s;
    }
}
