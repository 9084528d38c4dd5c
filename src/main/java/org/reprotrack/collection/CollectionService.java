package org.reprotrack.collection;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.reprotrack.ingest.ArxivClient;
import org.reprotrack.ingest.ArxivException;
import org.reprotrack.paper.Paper;
import org.reprotrack.store.CollectionStore;
import org.reprotrack.store.PaperQuery;

/**
 * Fills collections from a file of ids, an arXiv API query or a dashboard filter, and says what
 * it could not use: entries that name no paper (with line and reason) and papers not ingested yet.
 */
public final class CollectionService {

    /** Papers per arXiv API page when a collection is made from a query. */
    static final int QUERY_PAGE = 200;

    private final CollectionStore store;
    private final Runnable refreshListing;
    private final Clock clock;

    /** @param refreshListing brings the dashboard's listing up to date (filters read it) */
    public CollectionService(CollectionStore store, Runnable refreshListing, Clock clock) {
        this.store = store;
        this.refreshListing = refreshListing;
        this.clock = clock;
    }

    /**
     * What filling a collection did.
     *
     * @param notTracked members the store has not ingested yet (they join the pages once ingested)
     */
    public record Outcome(String name, CollectionStore.Added added, int read, List<Entries.Unresolved> unresolved,
            List<String> notTracked) {
    }

    /** From a file of ids, arXiv URLs or arXiv DOIs, one a line or CSV. */
    public Outcome fromFile(String name, Path file, boolean replace) throws IOException {
        CollectionName.require(name);
        Entries.Resolution r = Entries.read(file);
        return fill(name, "file " + file.getFileName(), r.ids(), r.unresolved(), replace);
    }

    /**
     * From an arXiv API search ({@code search_query} syntax, e.g. {@code cat:cs.CV AND
     * submittedDate:[202506010000 TO 202506302359]}), up to {@code max} papers.
     */
    public Outcome fromQuery(String name, String query, ArxivClient arxiv, int max, Consumer<String> progress)
            throws ArxivException, InterruptedException {
        CollectionName.require(name);
        if (query.isBlank()) {
            throw new IllegalArgumentException("the arXiv query is empty");
        }
        Set<String> ids = new LinkedHashSet<>();
        long total = -1;
        for (int start = 0; start < max && (total < 0 || start < total); start += QUERY_PAGE) {
            ArxivClient.SearchPage page = arxiv.search(query, start, Math.min(QUERY_PAGE, max - start));
            total = page.total();
            for (Paper p : page.papers()) {
                ids.add(p.id());
            }
            progress.accept(String.format("arXiv query: %d of %d papers read", Math.min(start + page.papers().size(), total), total));
            if (page.papers().isEmpty()) {
                break;
            }
        }
        if (total > max) {
            progress.accept(String.format("the query matches %d papers; the first %d were taken (raise --max or narrow the query)",
                    total, max));
        }
        return fill(name, "arXiv query " + query, new ArrayList<>(ids), List.of(), false);
    }

    /**
     * From the dashboard's filters, as its query string ({@code status=code_gone&year=2024&host=github.com}).
     *
     * @param promiseDays {@code signals.promise_days}, for {@code promise_not_kept}
     */
    public Outcome fromFilter(String name, String filter, int promiseDays, boolean replace) {
        CollectionName.require(name);
        PaperQuery q = FilterSpec.parse(filter, clock.instant().minus(Duration.ofDays(promiseDays)));
        refreshListing.run(); // the filters read the listing, which only a running dashboard keeps fresh
        return fill(name, "filter " + filter, store.matching(q), List.of(), replace);
    }

    private Outcome fill(String name, String source, List<String> ids, List<Entries.Unresolved> unresolved, boolean replace) {
        if (ids.isEmpty() && !unresolved.isEmpty()) {
            throw new IllegalArgumentException("none of the " + unresolved.size() + " entries names a paper; first: line "
                    + unresolved.get(0).line() + " '" + unresolved.get(0).text() + "': " + unresolved.get(0).reason());
        }
        CollectionStore.Added added = store.add(name, source, ids, replace, clock.instant());
        Set<String> tracked = store.tracked(ids);
        List<String> notTracked = ids.stream().filter(id -> !tracked.contains(id)).toList();
        return new Outcome(name, added, ids.size(), unresolved, notTracked);
    }
}
