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
        description = {"Runs a benchmark (see BENCHMARKS.md): extraction (abstracts/s on one thread),",
                "ingest (generated listing file into a new H2 database: papers/s, peak heap), or",
                "dashboard-data (generates papers and check history into <work>/dashboard for `serve --db`)."})
final class BenchCommand implements Callable<Integer> {

    enum Kind { extraction, ingest, dashboard_data }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", description = "extraction, ingest or dashboard-data.",
            converter = KindConverter.class)
    Kind kind;

    @Option(names = "--history", defaultValue = "5000000", paramLabel = "N",
            description = "dashboard-data: check history rows to generate (default ${DEFAULT-VALUE}).")
    long history;

    static final class KindConverter implements picocli.CommandLine.ITypeConverter<Kind> {
        @Override
        public Kind convert(String value) {
            return Kind.valueOf(value.replace('-', '_').toLowerCase(java.util.Locale.ROOT));
        }
    }

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
            case dashboard_data -> new org.reprotrack.bench.DashboardData(spec.commandLine().getOut()).generate(papers, history, work);
        }
        return Cli.OK;
    }
}
