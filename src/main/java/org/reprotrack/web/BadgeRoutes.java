package org.reprotrack.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.reprotrack.check.CurrentStatus;
import org.reprotrack.store.CodeLinkRow;
import org.reprotrack.store.PaperDetail;
import org.reprotrack.web.view.BadgeView;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * {@code /badge/{arxivId}.svg}: "code | reachable / archived / moved / gone / not released /
 * unknown". Cached by clients for a few minutes and revalidated with an ETag.
 */
final class BadgeRoutes {

    static final String CACHE = "public, max-age=300";

    private final Reads reads;
    private final Templates templates;

    BadgeRoutes(Reads reads, Templates templates) {
        this.reads = reads;
        this.templates = templates;
    }

    void register(Service http) {
        http.get("/badge/*", this::badge);
    }

    private Object badge(Request req, Response res) {
        String name = Urls.rest(req);
        if (!name.endsWith(".svg")) {
            throw new NotFoundException("badges are at /badge/{arXiv id}.svg");
        }
        String id = name.substring(0, name.length() - ".svg".length());
        BadgeView badge = reads.store().paper(id).map(BadgeRoutes::badgeOf).orElse(new BadgeView("code", "unknown", "#9f9f9f"));
        String svg = templates.render("badge.jte", badge);
        String etag = "\"" + sha256(svg) + "\"";
        res.type("image/svg+xml; charset=utf-8");
        res.header("Cache-Control", CACHE);
        res.header("ETag", etag);
        if (etag.equals(req.headers("If-None-Match"))) {
            res.status(304);
            return "";
        }
        return svg;
    }

    /** The message of a paper's badge: the best state among its code links. */
    static BadgeView badgeOf(PaperDetail p) {
        boolean ok = false;
        boolean archived = false;
        boolean moved = false;
        for (CodeLinkRow l : p.links()) {
            if (l.code()) {
                CurrentStatus s = CurrentStatus.valueOf(l.status());
                ok |= s == CurrentStatus.OK;
                archived |= s == CurrentStatus.ARCHIVED;
                moved |= s == CurrentStatus.MOVED;
            }
        }
        return switch (p.status()) {
            case HAS_CODE -> ok ? new BadgeView("code", "reachable", "#4c1")
                    : moved ? new BadgeView("code", "moved", "#007ec6") : archived ? new BadgeView("code", "archived", "#dfb317")
                    : new BadgeView("code", "reachable", "#4c1");
            case CODE_GONE -> new BadgeView("code", "gone", "#e05d44");
            case NO_CODE_YET, NO_CODE_LINK -> new BadgeView("code", "not released", "#fe7d37");
            case PROMISED_NO_LINK -> new BadgeView("code", "promised, no link", "#fe7d37");
            case PENDING -> new BadgeView("code", "unknown", "#9f9f9f");
        };
    }

    private static String sha256(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
