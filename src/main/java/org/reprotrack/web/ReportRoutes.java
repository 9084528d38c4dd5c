package org.reprotrack.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reprotrack.store.ReportFile;
import org.reprotrack.store.ReportFiles;
import org.reprotrack.web.view.ReportsView;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * The dead-link reports the app wrote ({@code report.output_dir}): a page listing them, the JSON
 * list, and each file for download. A name from the URL is only ever looked up through
 * {@link ReportFiles#find}, which accepts the app's own naming pattern and regular files, so
 * {@code ..}, absolute paths, other files and symbolic links are all 404.
 */
final class ReportRoutes {

    static final String API = "/api/v1/reports";

    private final ReportFiles reports;
    private final Templates templates;

    ReportRoutes(ReportFiles reports, Templates templates) {
        this.reports = reports;
        this.templates = templates;
    }

    void register(Service http) {
        http.get("/reports", (req, res) -> {
            res.type(PageRoutes.HTML);
            return templates.render("reports.jte", ReportsView.of(reports.list()));
        });
        http.get("/reports/*", this::file);
        http.get(API, (req, res) -> ApiRoutes.json(res, Map.of("reports", reports.list().stream().map(ReportRoutes::json).toList())));
    }

    private Object file(Request req, Response res) {
        String name = Urls.rest(req);
        if (req.pathInfo() == null || !req.pathInfo().equals("/reports/" + req.splat()[0])) {
            // Spark forgives a trailing slash; a report's address is exactly its name
            throw new NotFoundException("no report named " + name);
        }
        ReportFile f = reports.find(name).orElseThrow(() -> new NotFoundException("no report named " + name));
        byte[] body;
        // the file was checked to be a regular file; opening it without following links closes the
        // window in which it could be swapped for a symbolic link
        try (InputStream in = Files.newInputStream(f.path(), LinkOption.NOFOLLOW_LINKS)) {
            body = in.readAllBytes();
        } catch (IOException e) {
            throw new NotFoundException("report " + name + " cannot be read");
        }
        res.type(contentType(f.extension()));
        // an HTML report is the app's own escaped output, but it is never rendered in the dashboard's
        // origin: it is a download, and a sandbox policy applies if a browser renders it anyway
        res.header("Content-Disposition", (f.extension().equals("html") ? "attachment" : "inline") + "; filename=\"" + f.name() + "\"");
        res.header("Content-Security-Policy", "sandbox");
        res.header("Cache-Control", "no-cache");
        return body;
    }

    static String contentType(String extension) {
        return switch (extension) {
            case "csv" -> "text/csv; charset=utf-8; header=present";
            case "json" -> "application/json; charset=utf-8";
            case "md" -> "text/markdown; charset=utf-8";
            case "html" -> "text/html; charset=utf-8";
            default -> throw new IllegalStateException("not a report format: " + extension);
        };
    }

    /** A report for the API: no server path, a download URL instead. */
    private static Map<String, Object> json(ReportFile f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name());
        m.put("date", f.date() == null ? null : f.date().toString());
        m.put("latest", f.date() == null);
        m.put("format", f.extension());
        m.put("size", f.size());
        m.put("modified", f.modified());
        m.put("url", "/reports/" + f.name());
        return m;
    }
}
