package org.reprotrack.web.view;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.reprotrack.store.HistoryRow;
import org.reprotrack.store.RepoDetail;

/** The repository page: state, metadata, papers linking it, moves, one page of history, its chart. */
public record RepoView(RepoDetail repo, List<Map.Entry<String, @Nullable String>> papers, Map<String, Instant> moves,
        List<HistoryRow> history, LineChart chart, int pageNo, @Nullable String prev, @Nullable String next,
        org.reprotrack.store.@Nullable SignalRow signals, org.reprotrack.store.RepoCommits commits) {
    public RepoView {
        papers = List.copyOf(papers);
        moves = Map.copyOf(moves);
        history = List.copyOf(history);
    }

    /** Topics as the host reported them (untrusted text, escaped by the template). */
    public List<String> topics() {
        return repo.metadata() == null ? List.of() : repo.metadata().topics();
    }

    public @Nullable String description() {
        return repo.metadata() == null ? null : repo.metadata().description();
    }

    public @Nullable String license() {
        return repo.metadata() == null ? null : repo.metadata().license();
    }

    /** The repository's public URL (its key is host/path). */
    public String url() {
        return "https://" + repo.key();
    }

    /** Where archived copies can be looked up (Software Heritage, Wayback Machine). */
    public String softwareHeritage() {
        return "https://archive.softwareheritage.org/browse/origin/?origin_url=" + java.net.URLEncoder.encode(url(), java.nio.charset.StandardCharsets.UTF_8);
    }

    public String wayback() {
        return "https://web.archive.org/web/*/" + repo.key();
    }
}
