package org.reprotrack.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprotrack.store.NotifyEvent;
import org.reprotrack.store.NotifyStore;

/**
 * Webhook bodies. {@code json}: the event as documented in docs/operations.md. {@code slack}: a
 * Slack incoming-webhook message ({@code {"text": ...}}, with Slack's {@code & < >} escaping), also
 * understood by Mattermost and Rocket.Chat.
 */
final class Payloads implements NotifyStore.Payloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String publicUrl;
    private final Map<String, String> formats;

    /** @param formats webhook name to its format, json or slack */
    Payloads(String publicUrl, Map<String, String> formats) {
        this.publicUrl = publicUrl;
        this.formats = Map.copyOf(formats);
    }

    @Override
    public String body(NotifyEvent e, List<NotifyStore.EventPaper> papers, NotifyStore.Route route) {
        Map<String, Object> body = "slack".equals(formats.get(route.webhook())) ? slack(e, papers) : json(e, papers, route);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private Map<String, Object> json(NotifyEvent e, List<NotifyStore.EventPaper> papers, NotifyStore.Route route) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", e.kind());
        m.put("event_id", e.id());
        m.put("idempotency_key", e.id() + "-" + route.webhook());
        m.put("webhook", route.webhook());
        m.put("collection", route.collection().equals("*") ? null : route.collection());
        m.put("repository", e.repoKey());
        m.put("repository_url", "https://" + e.repoKey());
        m.put("status", e.status());
        m.put("previous_status", e.previousStatus());
        m.put("occurred_at", e.occurredAt().toString());
        m.put("detected_at", e.detectedAt().toString());
        m.put("dashboard_url", publicUrl + "/repos/" + e.repoKey());
        List<Map<String, Object>> list = new ArrayList<>();
        for (NotifyStore.EventPaper p : papers) {
            Map<String, Object> paper = new LinkedHashMap<>();
            paper.put("id", p.id());
            paper.put("title", p.title());
            paper.put("arxiv_url", "https://arxiv.org/abs/" + p.id());
            paper.put("dashboard_url", publicUrl + "/papers/" + p.id());
            list.add(paper);
        }
        m.put("papers", list);
        return m;
    }

    private Map<String, Object> slack(NotifyEvent e, List<NotifyStore.EventPaper> papers) {
        StringBuilder text = new StringBuilder();
        text.append(Texts.headline(e)).append(" <").append(slackUrl(publicUrl + "/repos/" + e.repoKey())).append("|details>");
        for (NotifyStore.EventPaper p : papers.subList(0, Math.min(5, papers.size()))) {
            text.append("\n• <").append(slackUrl("https://arxiv.org/abs/" + p.id())).append('|').append(slackEscape(p.id())).append('>');
            if (p.title() != null) {
                text.append(' ').append(slackEscape(Texts.oneLine(p.title(), 200)));
            }
        }
        if (papers.size() > 5) {
            text.append("\n… and ").append(papers.size() - 5).append(" more papers");
        }
        return Map.of("text", text.toString());
    }

    /** Slack's escaping of message text: only {@code & < >} are control characters. */
    static String slackEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String slackUrl(String url) {
        return slackEscape(url).replace("|", "%7C");
    }
}
