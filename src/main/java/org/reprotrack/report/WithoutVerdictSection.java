package org.reprotrack.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import org.reprotrack.store.StuckRepoStore;

/**
 * The report's "Without a verdict" section, in Markdown, HTML and JSON: repositories an audit has
 * checked {@link StuckRepoStore#AFTER_CHECKS} times or more in a row without getting a verdict,
 * with the last reason, so a person can look. They are in no other section: they are not dead.
 */
final class WithoutVerdictSection {

    static final String HEADING = "Without a verdict";
    static final List<String> HEADER = List.of("Repository", "Status", "Checks without a verdict", "Since", "Last checked",
            "Last reason");

    private WithoutVerdictSection() {
    }

    static String explanation() {
        return "Repositories checked " + StuckRepoStore.AFTER_CHECKS + " times or more in a row without a verdict (a"
                + " timeout, a server error, an answer the audit does not understand). They keep their status and are"
                + " in no other section; someone should look at them. The filters do not apply.";
    }

    static void markdown(StringBuilder sb, List<StuckRepoStore.StuckRepo> stuck) {
        sb.append("## ").append(HEADING).append(" (").append(stuck.size()).append(")\n\n");
        sb.append(Markdown.cell(explanation())).append("\n\n");
        if (stuck.isEmpty()) {
            sb.append("None.\n\n");
            return;
        }
        sb.append(line(HEADER));
        sb.append(line(HEADER.stream().map(h -> "---").toList()));
        for (StuckRepoStore.StuckRepo s : stuck) {
            sb.append(line(List.of(Markdown.link(s.key(), s.url()), Markdown.cell(s.status()),
                    Integer.toString(s.checks()), Times.instant(s.since()), Times.instant(s.lastChecked()),
                    Markdown.cell(s.reason() == null ? "" : s.reason()))));
        }
        sb.append('\n');
    }

    static void html(StringBuilder sb, List<StuckRepoStore.StuckRepo> stuck) {
        sb.append("<h2 id=\"without-verdict\">").append(Html.text(HEADING)).append(" (").append(stuck.size()).append(")</h2>\n");
        sb.append("<p>").append(Html.text(explanation())).append("</p>\n");
        if (stuck.isEmpty()) {
            sb.append("<p>None.</p>\n");
            return;
        }
        sb.append("<table>\n<thead><tr>");
        for (String h : HEADER) {
            sb.append("<th>").append(Html.text(h)).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (StuckRepoStore.StuckRepo s : stuck) {
            sb.append("<tr><td>").append(Html.link(s.key(), s.url())).append("</td><td>").append(Html.text(s.status()))
                    .append("</td><td>").append(s.checks()).append("</td><td>").append(Times.instant(s.since()))
                    .append("</td><td>").append(Times.instant(s.lastChecked())).append("</td><td>")
                    .append(Html.text(s.reason() == null ? "" : s.reason())).append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
    }

    static void json(JsonGenerator g, List<StuckRepoStore.StuckRepo> stuck) throws IOException {
        g.writeArrayFieldStart("without_verdict");
        for (StuckRepoStore.StuckRepo s : stuck) {
            g.writeStartObject();
            g.writeStringField("repo_key", s.key());
            g.writeStringField("url", s.url());
            g.writeStringField("status", s.status());
            g.writeNumberField("checks_without_verdict", s.checks());
            g.writeStringField("since", s.since() == null ? null : Times.instant(s.since()));
            g.writeStringField("last_checked", s.lastChecked() == null ? null : Times.instant(s.lastChecked()));
            g.writeStringField("last_reason", s.reason());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static String line(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }
}
