package org.reprotrack.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.reprotrack.bench.IngestBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code reprotrack bench}: the benchmarks of BENCHMARKS.md. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Runs a benchmark (see BENCHMARKS.md): extraction (abstracts/s on one thread) or",
                "ingest (generated listing file into a new H2 database: papers/s, peak heap)."})
final class BenchCommand implements Callable<Integer> {

    enum Kind { extraction, ingest }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", description = "extraction or ingest.")
    Kind kind;

    @Option(names = "--papers", defaultValue = "100000", paramLabel = "N", description = "Abstracts to process (default ${DEFAULT-VALUE}).")
    int papers;

    @Option(names = "--work", defaultValue = "target/bench", paramLabel = "DIR",
            description = "Folder for the generated input and the throwaway database (default ${DEFAULT-VALUE}).")
    Path work;

    @Override
    public Integer call() throws IOException {
        IngestBench bench = new IngestBench(spec.commandLine().getOut());
        switch (kind) {
            case extraction -> bench.extraction(papers);
            case ingest -> bench.ingest(papers, work);
        }
        return Cli.OK;
    }
}
