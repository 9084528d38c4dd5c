package org.reprotrack.ingest;

import java.util.List;
import org.reprotrack.store.IngestCounts;

/** The outcome of one ingest run over many files, with totals. */
public record IngestReport(List<FileResult> files) {

    public IngestReport {
        files = List.copyOf(files);
    }

    public long papersRead() {
        return sum(IngestCounts::papersRead);
    }

    public long papersNew() {
        return sum(IngestCounts::papersNew);
    }

    public long papersUpdated() {
        return sum(IngestCounts::papersUpdated);
    }

    public long papersUnchanged() {
        return sum(IngestCounts::papersUnchanged);
    }

    public long codeLinks() {
        return sum(IngestCounts::codeLinks);
    }

    public long otherLinks() {
        return sum(IngestCounts::otherLinks);
    }

    public long recordsSkipped() {
        return files.stream().mapToLong(FileResult::skippedCount).sum();
    }

    public long filesFailed() {
        return files.stream().filter(f -> !f.ok()).count();
    }

    private long sum(java.util.function.ToLongFunction<IngestCounts> f) {
        return files.stream().filter(r -> r.counts() != null).mapToLong(r -> f.applyAsLong(r.counts())).sum();
    }
}
