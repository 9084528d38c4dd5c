package org.reprotrack.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.List;
import org.reprotrack.bench.AuditBench;
import org.reprotrack.bench.ClusterBench;
import org.reprotrack.bench.IngestBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code reprotrack bench}: the benchmarks of BENCHMARKS.md. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Runs a benchmark (see BENCHMARKS.md): extraction (abstracts/s on one thread),",
                "ingest (generated listing file into a new H2 database: papers/s, peak heap),",
                "audit (audit --all against an in-process fake GitHub: repositories/s, requests, budget, peak heap), or",
                "dashboard-data (generates papers and check history into <work>/dashboard for `serve --db`), or",
                "cluster (one audit shared by 1..N nodes as child JVMs on a throwaway PostgreSQL: speed-up, requests per repository), or",
                "signals (checklist and placeholder rules on a hand-labelled corpus: --corpus DIR [--out FILE]), or",
                "collection (a --size paper collection over that data: its page, API list and report under load)."})
final class BenchCommand implements Callable<Integer> {

    enum Kind { extraction, ingest, audit, dashboard_data, cluster, signals, collection }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", description = "extraction, ingest, audit, dashboard-data, cluster, signals or collection.",
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

    @Option(names = "--repos", defaultValue = "10000", paramLabel = "N",
            description = "audit: GitHub repositories to audit (default ${DEFAULT-VALUE}).")
    int repos;

    @Option(names = "--mode", defaultValue = "both", paramLabel = "MODE",
            description = "audit: rest (REST, then an unchanged re-audit with ETags), graphql, or both (default ${DEFAULT-VALUE}).")
    AuditBench.Mode mode;

    @Option(names = "--signals", defaultValue = "off", paramLabel = "off|on|both",
            description = {"audit: GraphQL runs without the reproducibility signals, with them (trees and READMEs after the",
                    "verdicts, then an unchanged re-audit), or both side by side (default ${DEFAULT-VALUE})."})
    AuditBench.Signals signals;

    @Option(names = "--concurrency", defaultValue = "8", paramLabel = "N",
            description = "audit: github.rest_concurrency (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--graphql-concurrency", defaultValue = "2", paramLabel = "N",
            description = "audit: github.graphql_concurrency (default ${DEFAULT-VALUE}, as in config/reprotrack.yml).")
    int graphqlConcurrency;

    @Option(names = "--delay-ms", defaultValue = "50", paramLabel = "MS",
            description = "audit: how long the fake GitHub holds back each answer (default ${DEFAULT-VALUE}).")
    int delayMs;

    @Option(names = "--core-budget", defaultValue = "15000", paramLabel = "N",
            description = {"audit: the fake token's core requests an hour (default ${DEFAULT-VALUE}, GitHub's budget for an",
                    "Enterprise Cloud app; a personal token's 5000 cannot cover one REST audit of 10,000)."})
    int coreBudget;

    @Option(names = "--graphql-budget", defaultValue = "5000", paramLabel = "N",
            description = "audit: the fake token's GraphQL points an hour (default ${DEFAULT-VALUE}).")
    int graphqlBudget;

    @Option(names = "--nodes", defaultValue = "3", paramLabel = "N",
            description = "cluster: run the audit with 1, 2, ... N nodes (default ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--size", defaultValue = "10000", paramLabel = "N",
            description = "collection: papers in the collection (default ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--clients", defaultValue = "16", paramLabel = "N",
            description = "collection: concurrent HTTP clients (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--work", defaultValue = "target/bench", paramLabel = "DIR",
            description = "Folder for the generated input and the throwaway database (default ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--corpus", paramLabel = "DIR",
            description = "signals: the corpus folder holding repos/*.json (and labels.jsonl for the figures).")
    Path corpus;

    @Option(names = "--out", paramLabel = "FILE",
            description = "signals: where to write one prediction line per repository (score.py's format).")
    Path out;

    @Option(names = "--quiet", description = "signals: figures only, without the list of disagreements.")
    boolean quiet;

    @Override
    public Integer call() throws IOException, InterruptedException {
        IngestBench bench = new IngestBench(spec.commandLine().getOut());
        switch (kind) {
            case extraction -> bench.extraction(papers);
            case ingest -> bench.ingest(papers, work);
            case audit -> new AuditBench(spec.commandLine().getOut()).run(new AuditBench.Options(repos, mode, concurrency,
                    graphqlConcurrency, Duration.ofMillis(delayMs), coreBudget, graphqlBudget, signals), work);
            case dashboard_data -> new org.reprotrack.bench.DashboardData(spec.commandLine().getOut()).generate(papers, history, work);
            case cluster -> {
                if (nodes < 1) {
                    throw new UserException("--nodes must be at least 1");
                }
                for (AuditBench.Mode m : mode == AuditBench.Mode.both ? List.of(AuditBench.Mode.rest, AuditBench.Mode.graphql)
                        : List.of(mode)) {
                    new ClusterBench(spec.commandLine().getOut()).run(new ClusterBench.Options(nodes, repos,
                            m == AuditBench.Mode.graphql, concurrency, graphqlConcurrency, Duration.ofMillis(delayMs), coreBudget,
                            graphqlBudget), work);
                }
            }
            case signals -> {
                if (corpus == null) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                            "bench signals needs --corpus DIR (the folder with repos/*.json and labels.jsonl)");
                }
                new org.reprotrack.bench.SignalsBench(spec.commandLine().getOut()).run(corpus, out, quiet);
            }
            case collection -> new org.reprotrack.bench.CollectionBench(spec.commandLine().getOut()).run(work, size, clients,
                    Duration.ofSeconds(10), Duration.ofSeconds(20));
        }
        return Cli.OK;
    }
}
