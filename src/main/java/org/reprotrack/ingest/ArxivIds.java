package org.reprotrack.ingest;

import java.util.Optional;

/** The arXiv id parser for code outside ingest (collections): one id, URL or {@code arXiv:} form to its canonical id. */
public final class ArxivIds {

    private ArxivIds() {
    }

    /**
     * The canonical id (without version) of {@code 2406.11111v2}, {@code arXiv:hep-th/9901001} or an
     * arXiv abs/pdf URL; empty when the text is not one.
     */
    public static Optional<String> canonical(String text) {
        ArxivId id = ArxivId.parse(text);
        return id == null ? Optional.empty() : Optional.of(id.id());
    }
}
