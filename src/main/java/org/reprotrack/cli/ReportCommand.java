package org.reprotrack.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.CurrentStatus;
import org.reprotrack.report.ReportFormat;
import org.reprotrack.report.ReportRequest;
import org.reprotrack.report.ReportResult;
import org.reprotrack.report.RowKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code reprotrack report}: writes the dead-link report. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes the dead-link report: one row per code link whose repository is dead (NOT_FOUND, BLOCKED,",
                "REPLACED), never released (EMPTY, PLACEHOLDER, or promised and never seen), or failing (not yet confirmed),",
                "with what changed since the previous report and where an archived copy survives (Software Heritage, Wayback).",
                "Files: <out>/dead-links-YYYY-MM-DD.<ext> and <out>/dead-links-latest.<ext>."})
final class ReportCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", split = ",",
            description = "md, csv, json, html or all; repeatable or comma-separated (default: md).")
    List<String> formats = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Folder to write to (default: report.output_dir, reports/).")
    @Nullable Path out;

    @Option(names = "--since", paramLabel = "DATE", description = "Only links dead since DATE (YYYY-MM-DD, UTC) or later.")
    @Nullable String since;

    @Option(names = "--status", paramLabel = "STATUS",
            description = "Only links whose repository has this status: NOT_FOUND, BLOCKED, REPLACED, FAILING, EMPTY, PLACEHOLDER.")
    @Nullable CurrentStatus status;

    @Option(names = "--collection", paramLabel = "NAME",
            description = "Only the papers of this collection; files go to <out>/collections/NAME/ (see reprotrack collection).")
    @Nullable String collection;

    @Override
    public Integer call() {
        ReportRequest request;
        try {
            request = new ReportRequest(formats(), out, sinceDate(), status);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        org.reprotrack.report.ReportScope scope = null;
        if (collection != null) {
            var found = root.app().collectionStore().find(collection).orElseThrow(() -> new UserException(
                    "there is no collection named '" + collection + "' (see reprotrack collection list)"));
            scope = new org.reprotrack.report.ReportScope(found.name(), root.app().collectionStore().paperIds(found.id()));
        }
        ReportResult result = root.app().reportService().write(request, scope);
        PrintWriter w = spec.commandLine().getOut();
        var r = result.report();
        w.printf("%s: %d dead, %d never released, %d failing (code links)",
                scope == null ? "Report " + result.reportId() : "Report of collection " + scope.name() + " (" + scope.paperIds().size() + " papers)",
                r.count(RowKind.DEAD),
                r.count(RowKind.NEVER_RELEASED), r.count(RowKind.FAILING));
        if (r.previousReportAt() != null) {
            w.printf("; since the previous report: %d newly dead, %d recovered", r.newlyDead().size(), r.count(RowKind.RECOVERED));
        }
        w.println();
        long unknown = r.rows().stream().filter(row -> !row.archive().notes().isEmpty()).count();
        if (unknown > 0) {
            w.printf("Archive lookups without an answer: %d (see the note column)%n", unknown);
        }
        result.files().forEach(f -> w.println("  " + f));
        w.flush();
        return Cli.OK;
    }

    private List<ReportFormat> formats() {
        List<ReportFormat> chosen = new ArrayList<>();
        for (String f : formats.isEmpty() ? List.of("md") : formats) {
            if (f.strip().toLowerCase(Locale.ROOT).equals("all")) {
                chosen.addAll(List.of(ReportFormat.values()));
            } else {
                chosen.add(ReportFormat.of(f));
            }
        }
        return chosen;
    }

    private @Nullable LocalDate sinceDate() {
        if (since == null) {
            return null;
        }
        try {
            return LocalDate.parse(since.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--since must be a date as YYYY-MM-DD, got '" + since + "'");
        }
    }
}
