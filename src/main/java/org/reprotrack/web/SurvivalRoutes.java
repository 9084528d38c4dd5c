package org.reprotrack.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprotrack.report.SurvivalCsv;
import org.reprotrack.survival.Estimate;
import org.reprotrack.survival.GroupFigures;
import org.reprotrack.survival.Grouping;
import org.reprotrack.survival.SurvivalFigures;
import org.reprotrack.survival.SurvivalStep;
import org.reprotrack.web.view.SurvivalView;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * {@code /survival}, {@code /api/v1/survival} and {@code /api/v1/survival.csv}: the Kaplan–Meier
 * figures computed with the listing (OverviewCache), so a request only picks a rendering. The
 * page and the JSON of each grouping are rendered once per computation and then served as bytes.
 */
final class SurvivalRoutes {

    private final Reads reads;
    private final Templates templates;
    private volatile Rendered rendered = new Rendered(null, new java.util.concurrent.ConcurrentHashMap<>());

    /** The renderings of one computation of the figures, by "page|by" / "json|by" / "csv|by|table". */
    private record Rendered(Object figures, Map<String, byte[]> bytes) {
    }

    SurvivalRoutes(Reads reads, Templates templates) {
        this.reads = reads;
        this.templates = templates;
    }

    void register(Service http) {
        http.get("/survival", (req, res) -> {
            res.type(PageRoutes.HTML);
            Grouping by = by(req, Grouping.YEAR);
            return cached("page|" + by, f -> templates.bytes("survival.jte",
                    new SurvivalView(f, by, f.of(by), SurvivalCharts.chart(f.of(by)))));
        });
        http.get("/api/v1/survival", (req, res) -> {
            res.type(Json.TYPE);
            Grouping by = by(req, Grouping.ALL);
            boolean steps = Boolean.parseBoolean(req.queryParamOrDefault("steps", "true"));
            return cached("json|" + by + "|" + steps, f -> Json.bytes(json(f, by, steps)));
        });
        http.get("/api/v1/survival.csv", (req, res) -> {
            res.type("text/csv; charset=utf-8");
            String by = req.queryParams("by");
            Grouping g = by == null ? null : by(req, Grouping.ALL);
            SurvivalCsv.Table table = table(req.queryParamOrDefault("table", "summary"));
            res.header("Content-Disposition", "attachment; filename=\"survival-" + (g == null ? "all" : g.param()) + "-"
                    + table.name().toLowerCase(java.util.Locale.ROOT) + ".csv\"");
            return cached("csv|" + g + "|" + table, f -> SurvivalCsv.write(f, g == null ? List.of() : List.of(g), table)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
    }

    private byte[] cached(String key, java.util.function.Function<SurvivalFigures, byte[]> render) {
        SurvivalFigures f = reads.overview().survival();
        Rendered r = rendered;
        if (r.figures() != f) {
            r = new Rendered(f, new java.util.concurrent.ConcurrentHashMap<>());
            rendered = r;
        }
        return r.bytes().computeIfAbsent(key, k -> render.apply(f));
    }

    private static Grouping by(Request req, Grouping fallback) {
        String v = req.queryParams("by");
        if (v == null || v.isBlank()) {
            return fallback;
        }
        Grouping g = Grouping.of(v);
        if (g == null) {
            throw new BadRequestException("by must be one of all, year, category, host, promised, score: " + v);
        }
        return g;
    }

    private static SurvivalCsv.Table table(String v) {
        return switch (v) {
            case "summary" -> SurvivalCsv.Table.SUMMARY;
            case "steps" -> SurvivalCsv.Table.STEPS;
            default -> throw new BadRequestException("table must be summary or steps: " + v);
        };
    }

    private static Map<String, Object> json(SurvivalFigures f, Grouping by, boolean steps) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("by", by.param());
        m.put("computed_at", f.computedAt());
        m.put("time_unit", "days since the paper's first version");
        m.put("confidence", "95 % pointwise, Greenwood variance, log-log transform");
        m.put("links", f.links());
        m.put("left_out", Map.of("without_publication_date", f.undated(), "not_checked", f.unchecked()));
        List<Object> groups = new ArrayList<>();
        for (GroupFigures g : f.of(by)) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("group", g.group());
            x.put("links", g.curve().subjects());
            x.put("deaths", g.curve().events());
            x.put("median_days", estimate(g.median()));
            x.put("survival_1y", estimate(g.oneYear()));
            x.put("survival_3y", estimate(g.threeYears()));
            x.put("survival_5y", estimate(g.fiveYears()));
            if (steps) {
                List<Object> s = new ArrayList<>(g.curve().steps().size());
                for (SurvivalStep st : g.curve().steps()) {
                    s.add(new Object[] {st.time(), st.atRisk(), st.events(), st.censored(), st.survival(), st.stdErr(), finite(st.lower()),
                        finite(st.upper())});
                }
                x.put("steps_fields", List.of("days", "at_risk", "deaths", "censored", "survival", "std_err", "lower_95", "upper_95"));
                x.put("steps", s);
            }
            groups.add(x);
        }
        m.put("groups", groups);
        return m;
    }

    /** {"value", "lower", "upper"}, null parts where not reached; null when the value is unknown. */
    private static Object estimate(Estimate e) {
        if (!e.known()) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", e.value());
        m.put("lower", finite(e.lower()));
        m.put("upper", finite(e.upper()));
        return m;
    }

    private static Double finite(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
