package org.reprotrack.ingest;

import org.reprotrack.paper.Paper;

/** Receives what a {@link PaperReader} reads, in input order. */
public interface RecordSink {

    /** One paper read from the input. */
    void accept(Paper paper);

    /**
     * A record or line that could not be read; the reader goes on with the next one.
     *
     * @param line the 1-based line where the skipped record starts (0 if unknown)
     * @param reason a short explanation for a user, without the line number
     */
    void skip(long line, String reason);
}
