package org.reprotrack.notify;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;
import org.reprotrack.store.NotifyEvent;
import org.reprotrack.store.NotifyStore;

/**
 * An Atom feed (RFC 4287) of notification events, newest first. Entry ids are tag URIs from the
 * store's id and the event's id, so they never change; every text (paper titles are untrusted)
 * goes through the XML writer's escaping after characters XML cannot carry are dropped.
 */
public final class AtomFeed {

    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private AtomFeed() {
    }

    /**
     * @param storeId this database's id ({@code ListingStore.storeId()}): feeds of two stores never share entry ids
     * @param feedPath the feed's own path, e.g. {@code /feeds/changes.atom}
     * @param title the feed's title (our own text, or a collection name)
     */
    public static byte[] write(String publicUrl, String storeId, String feedPath, String title, List<NotifyEvent> events,
            Map<Long, List<NotifyStore.EventPaper>> papers, Instant emptyUpdated) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(bytes, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("feed");
            w.writeDefaultNamespace(ATOM);
            element(w, "id", tag(storeId, "feed" + feedPath));
            element(w, "title", clean(title));
            element(w, "updated", time(events.isEmpty() ? emptyUpdated : events.get(0).detectedAt()));
            link(w, "self", publicUrl + feedPath, "application/atom+xml");
            link(w, "alternate", publicUrl + feedPath.replaceFirst("(/feed\\.atom|/feeds/changes\\.atom)$", ""), "text/html");
            w.writeStartElement("author");
            element(w, "name", "reprotrack");
            w.writeEndElement();
            element(w, "generator", "reprotrack");
            for (NotifyEvent e : events) {
                entry(w, publicUrl, storeId, e, papers.getOrDefault(e.id(), List.of()));
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the Atom feed: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    private static void entry(XMLStreamWriter w, String publicUrl, String storeId, NotifyEvent e, List<NotifyStore.EventPaper> papers)
            throws XMLStreamException {
        w.writeStartElement("entry");
        element(w, "id", tag(storeId, "event/" + e.id()));
        element(w, "title", clean(Texts.headline(e)));
        element(w, "updated", time(e.detectedAt()));
        element(w, "published", time(e.detectedAt()));
        link(w, "alternate", publicUrl + "/repos/" + e.repoKey(), "text/html");
        w.writeStartElement("category");
        w.writeAttribute("term", e.kind());
        w.writeEndElement();
        StringBuilder summary = new StringBuilder(Texts.headline(e)).append(" since ").append(time(e.occurredAt())).append('.');
        if (!papers.isEmpty()) {
            summary.append(papers.size() == 1 ? " Paper: " : " Papers: ");
            for (int i = 0; i < papers.size(); i++) {
                NotifyStore.EventPaper p = papers.get(i);
                summary.append(i > 0 ? "; " : "").append(p.id());
                if (p.title() != null) {
                    summary.append(" \u201C").append(Texts.oneLine(p.title(), 200)).append('\u201D');
                }
            }
            summary.append('.');
        }
        w.writeStartElement("summary");
        w.writeAttribute("type", "text");
        w.writeCharacters(clean(summary.toString()));
        w.writeEndElement();
        w.writeEndElement();
    }

    /** A tag URI (RFC 4151). */
    static String tag(String storeId, String specific) {
        return "tag:reprotrack,2026:" + storeId + "/" + specific;
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String rel, String href, String type) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("type", type);
        w.writeAttribute("href", clean(href));
    }

    private static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Drops what XML 1.0 cannot carry (control characters, lone surrogates, U+FFFE/U+FFFF). */
    static String clean(@Nullable String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF || cp >= 0xE000 && cp <= 0xFFFD
                    || cp >= 0x10000 && cp <= 0x10FFFF;
            if (ok) {
                sb.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return sb.toString();
    }

    /** The entity tag of a feed: changes when an event is added (or the collection's membership moves an event in or out). */
    public static String etag(String storeId, @Nullable Long collectionId, List<NotifyEvent> events) {
        long newest = events.isEmpty() ? 0 : events.get(0).id();
        long sum = 0;
        for (NotifyEvent e : events) {
            sum = sum * 31 + e.id();
        }
        return "\"" + Integer.toHexString(storeId.hashCode()) + "-" + (collectionId == null ? "all" : collectionId) + "-" + newest + "-"
                + Long.toHexString(sum) + "\"";
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
