package org.reprotrack.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The report as one JSON document, as described by {@code docs/report-schema.json}. */
final class JsonReport implements ReportRenderer {

    /** Names the schema version; changes that break readers bump it. */
    static final String SCHEMA = "reprotrack/dead-links/1";
    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public String render(Report report) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("schema", SCHEMA);
            g.writeStringField("generated_at", Times.instant(report.generatedAt()));
            g.writeObjectFieldStart("filters");
            string(g, "since", report.since() == null ? null : report.since().toString());
            string(g, "status", report.statusFilter() == null ? null : report.statusFilter().name());
            g.writeEndObject();
            time(g, "previous_report_at", report.previousReportAt());
            g.writeObjectFieldStart("counts");
            for (RowKind k : RowKind.values()) {
                g.writeNumberField(k.name().toLowerCase(Locale.ROOT), report.count(k));
            }
            g.writeNumberField("newly_dead", report.newlyDead().size());
            g.writeNumberField("promises_not_kept", report.promisesNotKept().size());
            g.writeNumberField("without_verdict", report.withoutVerdict().size());
            g.writeEndObject();
            g.writeArrayFieldStart("rows");
            for (ReportRow r : report.rows()) {
                row(g, r);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("promises_not_kept");
            for (PromiseNotKept p : report.promisesNotKept()) {
                promise(g, p);
            }
            g.writeEndArray();
            WithoutVerdictSection.json(g, report.withoutVerdict());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString() + "\n";
    }

    private static void row(JsonGenerator g, ReportRow r) throws IOException {
        g.writeStartObject();
        g.writeStringField("paper_id", r.paperId());
        string(g, "title", r.title());
        g.writeStringField("link", r.link());
        g.writeStringField("repo_key", r.repoKey());
        g.writeStringField("kind", r.kind().name().toLowerCase(Locale.ROOT));
        g.writeStringField("status", r.status());
        string(g, "change", r.change().isEmpty() ? null : r.change());
        string(g, "previous_status", r.previousStatus());
        number(g, "http_status", r.httpStatus());
        string(g, "block_reason", r.blockReason());
        string(g, "moved_to", r.movedTo());
        string(g, "detail", r.detail());
        time(g, "dead_since", r.deadSince());
        time(g, "last_alive", r.lastAlive());
        number(g, "stars", r.stars());
        time(g, "pushed_at", r.pushedAt());
        ArchiveCopies a = r.archive();
        g.writeObjectFieldStart("archive");
        g.writeObjectFieldStart("software_heritage");
        bool(g, "archived", a.swhArchived());
        time(g, "last_visit", a.swhLastVisit());
        string(g, "url", a.swhUrl());
        g.writeEndObject();
        g.writeObjectFieldStart("wayback");
        g.writeStringField("url", a.waybackUrl());
        bool(g, "available", a.waybackAvailable());
        time(g, "captured_at", a.waybackCapturedAt());
        string(g, "capture_url", a.waybackCapture());
        g.writeEndObject();
        g.writeArrayFieldStart("notes");
        for (String n : a.notes()) {
            g.writeString(n);
        }
        g.writeEndArray();
        g.writeEndObject();
        RowSignals s = r.signals();
        number(g, "checklist_score", s.checklistScore());
        bool(g, "placeholder", s.placeholder());
        string(g, "licence", s.licence());
        if (s.releaseLagDays() == null) {
            g.writeNullField("release_lag_days");
        } else {
            g.writeNumberField("release_lag_days", s.releaseLagDays());
        }
        g.writeBooleanField("promise_not_kept", s.promiseNotKept());
        g.writeEndObject();
    }

    private static void promise(JsonGenerator g, PromiseNotKept p) throws IOException {
        g.writeStartObject();
        g.writeStringField("paper_id", p.paperId());
        string(g, "title", p.title());
        string(g, "repo_key", p.repoKey());
        g.writeStringField("status", p.status());
        time(g, "published", p.published());
        g.writeNumberField("days_since_first_version", p.daysSince());
        g.writeEndObject();
    }

    private static void string(JsonGenerator g, String name, @Nullable String value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, value);
        }
    }

    private static void number(JsonGenerator g, String name, @Nullable Integer value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }

    private static void bool(JsonGenerator g, String name, @Nullable Boolean value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeBooleanField(name, value);
        }
    }

    private static void time(JsonGenerator g, String name, @Nullable Instant value) throws IOException {
        string(g, name, value == null ? null : Times.instant(value));
    }
}
