package org.reprotrack.ingest;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.reprotrack.store.IngestCounts;

/**
 * What happened to one input file.
 *
 * @param file the path as given
 * @param format the format read, null if the file could not be opened or recognised
 * @param counts what was written, null when nothing was (failed or rolled back)
 * @param failure why the file was not kept, null when it was committed
 * @param skipped records skipped inside the file
 * @param skippedCount how many records were skipped in all
 */
public record FileResult(
        String file,
        @Nullable InputFormat format,
        @Nullable IngestCounts counts,
        @Nullable String failure,
        List<ProblemLog.Problem> skipped,
        long skippedCount) {

    static FileResult done(String file, InputFormat format, IngestCounts counts, ProblemLog problems) {
        return new FileResult(file, format, counts, null, problems.kept(), problems.count());
    }

    static FileResult failed(String file, String reason) {
        return new FileResult(file, null, null, reason, List.of(), 0);
    }

    static FileResult rolledBack(String file, InputFormat format, String reason, ProblemLog problems) {
        return new FileResult(file, format, null, reason + " (nothing from this file was kept)", problems.kept(), problems.count());
    }

    public boolean ok() {
        return failure == null;
    }
}
