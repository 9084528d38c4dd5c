package org.reprotrack.ingest;

import java.io.IOException;
import java.io.InputStream;

/** Reads papers from one input format, streaming: memory use does not grow with the input. */
public interface PaperReader {

    /**
     * Reads every record of {@code in} into {@code sink}. The caller owns and closes the stream.
     * Papers already handed to the sink stay valid when a later {@link InputException} stops the
     * read (a truncated file still yields the records before the cut).
     *
     * @throws InputException when the input as a whole cannot be read (binary data, malformed XML)
     */
    void read(InputStream in, RecordSink sink) throws IOException, InputException;
}
