package org.reprotrack.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.reprotrack.links.LinkExtractor;
import org.reprotrack.store.PaperStore;
import org.reprotrack.store.PaperWriter;
import org.reprotrack.store.StoreException;

/**
 * Reads files and folders of papers into the store: one transaction per file, so a file that
 * fails half-way leaves the store as it was, while the other files of the run are kept. A bad
 * record (a line that is not JSON, a row without a URL) is skipped with its reason and does not
 * fail its file.
 */
public final class IngestService {

    /** Problems kept per file for the summary; the rest are counted. */
    static final int PROBLEMS_KEPT = 50;
    private static final int PROGRESS_EVERY = 10_000;

    private final PaperStore store;
    private final PaperLinker linker;

    public IngestService(PaperStore store, LinkExtractor extractor) {
        this.store = store;
        this.linker = new PaperLinker(extractor);
    }

    /** Ingests every file under the given paths; never throws for bad input, reports it instead. */
    public IngestReport ingest(List<Path> paths, InputFormat format, IngestListener listener) {
        List<FileResult> results = new ArrayList<>();
        Consumer<FileResult> done = result -> {
            listener.fileDone(result);
            results.add(result);
        };
        for (Path path : paths) {
            if (!Files.exists(path)) {
                done.accept(FileResult.failed(path.toString(), "not found: check the path"));
                continue;
            }
            for (Path file : filesUnder(path, done)) {
                done.accept(ingestFile(file, format, listener));
            }
        }
        return new IngestReport(results);
    }

    private static List<Path> filesUnder(Path path, Consumer<FileResult> done) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            done.accept(FileResult.failed(path.toString(), "cannot list the folder: " + e.getMessage()));
            return List.of();
        }
    }

    private FileResult ingestFile(Path file, InputFormat requested, IngestListener listener) {
        String name = file.toString();
        InputFormat format;
        try {
            format = requested == InputFormat.AUTO ? FormatDetector.detect(file) : requested;
        } catch (InputException e) {
            return FileResult.failed(name, e.reason());
        } catch (IOException e) {
            return FileResult.failed(name, "cannot be read: " + e.getMessage());
        }
        ProblemLog problems = new ProblemLog(PROBLEMS_KEPT);
        try (PaperWriter writer = store.openWriter(name, linker::links);
             InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            format.reader().read(in, new RecordSink() {
                private long accepted;

                @Override
                public void accept(Paper paper) {
                    writer.write(paper);
                    if (++accepted % PROGRESS_EVERY == 0) {
                        listener.progress(name, accepted);
                    }
                }

                @Override
                public void skip(long line, String reason) {
                    problems.add(line, reason);
                }
            });
            writer.commit();
            return FileResult.done(name, format, writer.counts(), problems);
        } catch (InputException e) {
            return FileResult.rolledBack(name, format, (e.line() > 0 ? "line " + e.line() + ": " : "") + e.reason(), problems);
        } catch (IOException e) {
            return FileResult.rolledBack(name, format, "read error: " + e.getMessage(), problems);
        } catch (StoreException e) {
            return FileResult.rolledBack(name, format, e.getMessage(), problems);
        }
    }
}
