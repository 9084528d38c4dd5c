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
import org.reprotrack.store.PreparedPaper;
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

    /** A source entry that is an arXiv API query rather than a path: {@code arxiv:cat:cs.CV AND ...}. */
    public static final String ARXIV_PREFIX = "arxiv:";
    /** Papers per arXiv API page (the API's advice is at most 2,000; smaller pages fail less). */
    private static final int ARXIV_PAGE = 200;
    /** A query that matches more than this is cut, with a note: narrow the date range. */
    private static final int ARXIV_MAX = 30_000;

    /**
     * Ingests sources as the config names them: paths (files, folders) and arXiv API queries
     * ({@code arxiv:<search_query>}), each query one transaction like a file.
     */
    public IngestReport ingestSources(List<String> sources, InputFormat format, ArxivClient arxiv, IngestListener listener)
            throws InterruptedException {
        List<FileResult> results = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        for (String source : sources) {
            if (source.startsWith(ARXIV_PREFIX)) {
                FileResult r = ingestQuery(source.substring(ARXIV_PREFIX.length()).trim(), arxiv, listener);
                listener.fileDone(r);
                results.add(r);
            } else {
                paths.add(Path.of(source));
            }
        }
        results.addAll(ingest(paths, format, listener).files());
        return new IngestReport(results);
    }

    private FileResult ingestQuery(String query, ArxivClient arxiv, IngestListener listener) throws InterruptedException {
        String name = ARXIV_PREFIX + query;
        ProblemLog problems = new ProblemLog(PROBLEMS_KEPT);
        try (PaperWriter writer = store.openWriter(name, linker::links)) {
            int start = 0;
            long total;
            do {
                ArxivClient.SearchPage page = arxiv.search(query, start, ARXIV_PAGE);
                page.papers().forEach(writer::write);
                total = page.total();
                start += ARXIV_PAGE;
                listener.progress(name, Math.min(start, total));
                if (page.papers().isEmpty()) {
                    break;
                }
            } while (start < total && start < ARXIV_MAX);
            if (total > ARXIV_MAX) {
                problems.add(0, "the query matches " + total + " papers; the first " + ARXIV_MAX + " were read: narrow it");
            }
            writer.commit();
            return FileResult.done(name, InputFormat.ATOM, writer.counts(), problems);
        } catch (ArxivException e) {
            return FileResult.rolledBack(name, InputFormat.ATOM, e.getMessage() + "; it is read again on the next run", problems);
        } catch (StoreException e) {
            return FileResult.rolledBack(name, InputFormat.ATOM, e.getMessage(), problems);
        }
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
            long[] written = {0};
            ReadAhead.run(name, sink -> format.reader().read(in, sink), paper -> PreparedPaper.of(paper, linker::links), problems,
                    paper -> {
                        writer.write(paper);
                        if (++written[0] % PROGRESS_EVERY == 0) {
                            listener.progress(name, written[0]);
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
