package org.reprotrack.ingest;

/** The input formats the ingest step understands. */
public enum InputFormat {
    /** Decide from the content: see {@link FormatDetector}. Has no reader of its own. */
    AUTO,
    /** arXiv listing text: abstract, optional comments line, then {@code arXiv:<id>}. */
    LISTING,
    /** arXiv metadata snapshot, one JSON object per line. */
    JSONL,
    /** arXiv API Atom feed. */
    ATOM,
    /** {@code paper_id,url} rows, or one URL per line after the paper's arXiv URL. */
    URLS;

    /**
     * A reader with default limits for this format.
     *
     * @throws IllegalStateException for {@link #AUTO}: detect the format first
     */
    public PaperReader reader() {
        return switch (this) {
            case AUTO -> throw new IllegalStateException("AUTO has no reader: call FormatDetector.detect first");
            case LISTING -> new ListingReader();
            case JSONL -> new JsonLinesReader();
            case ATOM -> new AtomReader();
            case URLS -> new UrlListReader();
        };
    }
}
