package org.reprotrack.ingest;

/** The arXiv API could not answer this time; the request can be retried later. */
public final class ArxivException extends Exception {
    public ArxivException(String message) {
        super(message);
    }
}
