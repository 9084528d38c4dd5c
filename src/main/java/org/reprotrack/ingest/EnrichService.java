package org.reprotrack.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.reprotrack.paper.Paper;
import org.reprotrack.store.PaperStore;

/**
 * Fills titles, authors and dates of papers that lack them from the arXiv API, in batches. A batch
 * that fails leaves its papers as they were, to be tried on the next run; a paper the API does
 * not know counts an attempt and is given up after {@code maxAttempts}.
 */
public final class EnrichService {

    /** Consecutive failed batches after which a run stops: the API is down, not one batch bad. */
    static final int STOP_AFTER_FAILURES = 3;

    private final PaperStore store;
    private final ArxivClient client;
    private final int batchSize;
    private final int maxAttempts;

    public EnrichService(PaperStore store, ArxivClient client, int batchSize, int maxAttempts) {
        this.store = store;
        this.client = client;
        this.batchSize = Math.min(batchSize, ArxivClient.MAX_IDS);
        this.maxAttempts = maxAttempts;
    }

    /**
     * Enriches up to {@code limit} papers (0: all that need it).
     *
     * @param progress receives one line per batch
     */
    public EnrichReport enrich(int limit, Consumer<String> progress) throws InterruptedException {
        String after = "";
        int asked = 0;
        int enriched = 0;
        int unknown = 0;
        int failedBatches = 0;
        int consecutiveFailures = 0;
        String lastError = null;
        while (limit == 0 || asked < limit) {
            int size = limit == 0 ? batchSize : Math.min(batchSize, limit - asked);
            List<String> ids = store.idsToEnrich(after, size, maxAttempts);
            if (ids.isEmpty()) {
                break;
            }
            after = ids.get(ids.size() - 1);
            asked += ids.size();
            try {
                Map<String, Paper> found = new HashMap<>();
                for (Paper p : client.fetch(ids)) {
                    if (ids.contains(p.id())) {
                        found.put(p.id(), p);
                    }
                }
                store.applyEnrichment(List.copyOf(found.values()));
                List<String> missing = ids.stream().filter(id -> !found.containsKey(id)).toList();
                store.recordEnrichAttempt(missing);
                enriched += found.size();
                unknown += missing.size();
                consecutiveFailures = 0;
                progress.accept(String.format("enriched %d of %d papers asked so far (%d unknown to arXiv)", enriched, asked, unknown));
            } catch (ArxivException e) {
                failedBatches++;
                consecutiveFailures++;
                lastError = e.getMessage();
                progress.accept("batch of " + ids.size() + " papers failed, kept as they were for the next run: " + e.getMessage());
                if (consecutiveFailures >= STOP_AFTER_FAILURES) {
                    progress.accept("stopping: " + STOP_AFTER_FAILURES + " batches failed in a row");
                    break;
                }
            }
        }
        return new EnrichReport(asked, enriched, unknown, failedBatches, lastError);
    }

    /** The outcome of one enrichment run. */
    public record EnrichReport(int asked, int enriched, int unknownToArxiv, int failedBatches, @org.jspecify.annotations.Nullable String lastError) {
    }
}
