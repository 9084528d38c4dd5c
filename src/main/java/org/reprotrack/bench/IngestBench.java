package org.reprotrack.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.reprotrack.ingest.IngestListener;
import org.reprotrack.ingest.IngestReport;
import org.reprotrack.ingest.InputFormat;
import org.reprotrack.ingest.IngestService;
import org.reprotrack.links.Link;
import org.reprotrack.links.LinkExtractor;
import org.reprotrack.store.Database;
import org.reprotrack.store.PaperStore;

/**
 * The foundation benchmarks of BENCHMARKS.md: extraction throughput on one thread, and
 * end-to-end ingest of a generated listing file into a fresh H2 file database.
 */
public final class IngestBench {

    private final PrintWriter out;

    public IngestBench(PrintWriter out) {
        this.out = out;
    }

    /** Extracts links from {@code papers} generated abstracts on this thread, after a warm-up. */
    public void extraction(int papers) {
        LinkExtractor extractor = new LinkExtractor();
        AbstractGenerator.Synthetic[] input = new AbstractGenerator.Synthetic[Math.min(papers, 100_000)];
        AbstractGenerator generator = new AbstractGenerator(42);
        for (int i = 0; i < input.length; i++) {
            input[i] = generator.next(i);
        }
        long links = run(extractor, input, input.length); // warm-up: let the JIT compile the scanner
        long start = System.nanoTime();
        links = run(extractor, input, papers);
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("extraction: %,d abstracts in %.2f s = %,.0f abstracts/s on one thread (%,d links)%n",
                papers, seconds, papers / seconds, links);
    }

    private static long run(LinkExtractor extractor, AbstractGenerator.Synthetic[] input, int papers) {
        long links = 0;
        for (int i = 0; i < papers; i++) {
            AbstractGenerator.Synthetic s = input[i % input.length];
            List<Link> found = extractor.extract(s.abstractText(), s.comments());
            links += found.size();
        }
        return links;
    }

    /** Generates a listing file of {@code papers} abstracts and ingests it into a new H2 database under {@code work}. */
    public void ingest(int papers, Path work) throws IOException {
        Files.createDirectories(work);
        Path listing = work.resolve("bench-" + papers + ".txt");
        if (!Files.exists(listing)) {
            out.printf("generating %,d abstracts into %s%n", papers, listing);
            out.flush();
            AbstractGenerator generator = new AbstractGenerator(42);
            try (BufferedWriter w = Files.newBufferedWriter(listing, StandardCharsets.UTF_8)) {
                for (int i = 0; i < papers; i++) {
                    AbstractGenerator.Synthetic s = generator.next(i);
                    w.write(s.abstractText());
                    w.write('\n');
                    w.write(s.comments());
                    w.write('\n');
                    w.write(String.format("arXiv:%02d%02d.%05dv1", 15 + i / 1_200_000, 1 + (i / 100_000) % 12, i % 100_000));
                }
                w.write('\n');
            }
        }
        Path dbFile = work.resolve("bench-db-" + System.nanoTime());
        try (Database db = Database.open("jdbc:h2:file:" + dbFile.toAbsolutePath(), "sa", "", 4)) {
            IngestService service = new IngestService(new PaperStore(db.dataSource(), Clock.systemUTC()), new LinkExtractor());
            IngestReport report;
            double seconds;
            long peak;
            try (Measure measure = new Measure()) {
                long start = System.nanoTime();
                report = service.ingest(List.of(listing), InputFormat.AUTO, IngestListener.SILENT);
                seconds = (System.nanoTime() - start) / 1e9;
                peak = measure.peakHeapBytes();
            }
            out.printf("ingest: %,d papers (%,d new, %,d code links, %,d other links) in %.1f s = %,.0f papers/s; "
                            + "peak heap %s of max %s%n",
                    report.papersRead(), report.papersNew(), report.codeLinks(), report.otherLinks(), seconds,
                    report.papersRead() / seconds, Measure.mib(peak),
                    Measure.mib(Runtime.getRuntime().maxMemory()));
            if (report.filesFailed() > 0) {
                out.println("FAILED: " + report.files().get(0).failure());
            }
        } finally {
            try (var files = Files.list(work)) {
                for (Path p : files.filter(p -> p.getFileName().toString().startsWith(dbFile.getFileName().toString())).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
