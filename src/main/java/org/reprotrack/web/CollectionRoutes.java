package org.reprotrack.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.PaperStatus;
import org.reprotrack.collection.CollectionName;
import org.reprotrack.notify.AtomFeed;
import org.reprotrack.store.CollectionRow;
import org.reprotrack.store.CollectionStore;
import org.reprotrack.store.NotifyEvent;
import org.reprotrack.store.NotifyStore;
import org.reprotrack.store.PaperPage;
import org.reprotrack.store.PaperQuery;
import org.reprotrack.web.view.CollectionView;
import org.reprotrack.web.view.CollectionsView;
import spark.Request;
import spark.Response;
import spark.Service;

/**
 * Collections and feeds (issue 17): {@code /collections}, {@code /collections/{name}} (overview
 * and paper list scoped to it), the Atom feeds {@code /feeds/changes.atom} and
 * {@code /collections/{name}/feed.atom} with conditional GET, and {@code /api/v1/collections}.
 */
final class CollectionRoutes {

    static final String ATOM = "application/atom+xml; charset=utf-8";
    /** Entries per feed. */
    static final int FEED_ENTRIES = 50;

    private final Reads reads;
    private final Templates templates;
    private final CollectionStore collections;
    private final NotifyStore notifications;
    private final Supplier<String> storeId;
    private final Supplier<String> publicUrl;
    /** Overviews by collection id with when they were computed: one GROUP BY over the members per 30 s, not per request. */
    private final java.util.concurrent.ConcurrentHashMap<Long, Map.Entry<Instant, CollectionStore.Overview>> overviews =
            new java.util.concurrent.ConcurrentHashMap<>();
    static final java.time.Duration OVERVIEW_AGE = java.time.Duration.ofSeconds(30);

    CollectionRoutes(Reads reads, Templates templates, CollectionStore collections, NotifyStore notifications, Supplier<String> storeId,
            Supplier<String> publicUrl) {
        this.reads = reads;
        this.templates = templates;
        this.collections = collections;
        this.notifications = notifications;
        this.storeId = storeId;
        this.publicUrl = publicUrl;
    }

    void register(Service http) {
        http.get("/collections", (req, res) -> html(res, "collections.jte", new CollectionsView(collections.list())));
        http.get("/collections/:name", this::page);
        http.get("/collections/:name/feed.atom", (req, res) -> {
            CollectionRow c = collection(req.params(":name"));
            return feed(req, res, c.id(), "/collections/" + c.name() + "/feed.atom", "reprotrack: code gone or back in " + c.name());
        });
        http.get("/feeds/changes.atom", (req, res) -> feed(req, res, null, "/feeds/changes.atom", "reprotrack: code gone or back"));
        http.get("/api/v1/collections", (req, res) -> ApiRoutes.json(res, Map.of("collections", collections.list())));
        http.get("/api/v1/collections/:name", (req, res) -> ApiRoutes.json(res, summary(collection(req.params(":name")))));
    }

    /** The collection named in a request, or 404; a name that cannot be one is a 400. */
    CollectionRow collection(@Nullable String name) {
        if (name == null || !CollectionName.valid(name)) {
            throw new BadRequestException("collection must be a collection name (lower-case letters, digits, '.', '_', '-')");
        }
        return collections.find(name).orElseThrow(() -> new NotFoundException("no collection named " + name
                + " (see /collections)"));
    }

    private Object page(Request req, Response res) {
        CollectionRow c = collection(req.params(":name"));
        PaperQuery q = reads.paperQuery(req);
        if (q.search() != null) {
            throw new BadRequestException("text search (q) is not available within a collection yet; use /papers?q=");
        }
        PaperPage page = reads.store().papers(q, c.id());
        int pageNo = Params.page(req);
        return html(res, "collection.jte", new CollectionView(c, overview(c), q, page, pageNo,
                Urls.prev(req, pageNo), Urls.next(req, pageNo, page.hasNext())));
    }

    private Map<String, Object> summary(CollectionRow c) {
        CollectionStore.Overview o = overview(c);
        Map<String, Object> papers = new LinkedHashMap<>();
        for (PaperStatus s : PaperStatus.values()) {
            papers.put(s.name().toLowerCase(java.util.Locale.ROOT), o.papers().getOrDefault(s, 0));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("collection", c);
        m.put("papers_by_status", papers);
        m.put("repos_by_status", o.repos());
        m.put("papers", "/api/v1/papers?collection=" + c.name());
        m.put("feed", "/collections/" + c.name() + "/feed.atom");
        return m;
    }

    /** A collection's figures, at most {@link #OVERVIEW_AGE} old (the dashboard's own overview refreshes as often). */
    private CollectionStore.Overview overview(CollectionRow c) {
        Instant now = reads.clock().instant();
        Map.Entry<Instant, CollectionStore.Overview> cached = overviews.get(c.id());
        if (cached == null || !cached.getKey().plus(OVERVIEW_AGE).isAfter(now) || cached.getKey().isBefore(c.updatedAt())) {
            cached = Map.entry(now, collections.overview(c.id()));
            overviews.put(c.id(), cached);
        }
        return cached.getValue();
    }

    private Object feed(Request req, Response res, @Nullable Long collectionId, String path, String title) {
        List<NotifyEvent> events = notifications.events(collectionId, FEED_ENTRIES);
        String id = storeId.get();
        String etag = AtomFeed.etag(id, collectionId, events);
        Instant modified = (events.isEmpty() ? Instant.EPOCH : events.get(0).detectedAt()).truncatedTo(ChronoUnit.SECONDS);
        res.header("ETag", etag);
        res.header("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(modified.atZone(ZoneOffset.UTC)));
        res.header("Cache-Control", "no-cache");
        if (notModified(req, etag, modified)) {
            res.status(304);
            return "";
        }
        res.type(ATOM);
        return AtomFeed.write(publicUrl.get(), id, path, title, events, notifications.papersOf(events), Instant.EPOCH);
    }

    /** RFC 9110: If-None-Match wins over If-Modified-Since. */
    static boolean notModified(Request req, String etag, Instant modified) {
        String inm = req.headers("If-None-Match");
        if (inm != null) {
            for (String tag : inm.split(",")) {
                String t = tag.strip();
                if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) {
                    return true;
                }
            }
            return false;
        }
        String ims = req.headers("If-Modified-Since");
        if (ims != null) {
            try {
                Instant since = ZonedDateTime.parse(ims.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return !modified.isAfter(since);
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        return false;
    }

    private byte[] html(Response res, String template, Object model) {
        res.type(PageRoutes.HTML);
        return templates.bytes(template, model);
    }
}
