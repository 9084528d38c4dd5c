package org.reprotrack.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.reprotrack.paper.Paper;

/** Test sink: keeps what a reader delivers, skips as "line: reason". */
final class CollectingSink implements RecordSink {

    final List<Paper> papers = new ArrayList<>();
    final List<String> skips = new ArrayList<>();

    @Override
    public void accept(Paper paper) {
        papers.add(paper);
    }

    @Override
    public void skip(long line, String reason) {
        skips.add(line + ": " + reason);
    }

    List<String> ids() {
        return papers.stream().map(Paper::id).toList();
    }

    static CollectingSink read(PaperReader reader, String resource) throws IOException, InputException {
        CollectingSink sink = new CollectingSink();
        try (InputStream in = CollectingSink.class.getResourceAsStream("/ingest/" + resource)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("no test resource " + resource));
            }
            reader.read(in, sink);
        }
        return sink;
    }

    static CollectingSink readText(PaperReader reader, String text) throws IOException, InputException {
        return readBytes(reader, text.getBytes(StandardCharsets.UTF_8));
    }

    static CollectingSink readBytes(PaperReader reader, byte[] bytes) throws IOException, InputException {
        CollectingSink sink = new CollectingSink();
        reader.read(new java.io.ByteArrayInputStream(bytes), sink);
        return sink;
    }
}
