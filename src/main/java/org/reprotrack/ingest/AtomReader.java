package org.reprotrack.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;
import org.reprotrack.paper.Paper;

/**
 * Reads an arXiv API Atom feed, from a file or an API response body, with the JDK's StAX parser.
 * DTDs and external entities are off: a feed never needs them and they are the XXE door.
 *
 * <p>arXiv reports a bad query as an {@code <entry>} whose id is
 * {@code http://arxiv.org/api/errors#...} and whose summary says what is wrong; such an entry is
 * skipped with that message. Malformed XML stops the read with an {@link InputException}, after
 * the entries before the fault have been delivered.
 */
public final class AtomReader implements PaperReader {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String ARXIV = "http://arxiv.org/schemas/atom";
    static final String OPENSEARCH = "http://a9.com/-/spec/opensearch/1.1/";

    /** What a feed said about itself besides its entries. */
    public record FeedSummary(@Nullable Long totalResults, int entries) {}

    private final XMLInputFactory factory;

    public AtomReader() {
        factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        trySet(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        trySet(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    }

    private void trySet(String property, Object value) {
        try {
            factory.setProperty(property, value);
        } catch (IllegalArgumentException e) {
            // an implementation without this property has no external access to close
        }
    }

    @Override
    public void read(InputStream in, RecordSink sink) throws IOException, InputException {
        readFeed(in, sink);
    }

    /** Like {@link #read}, and also returns {@code opensearch:totalResults} for paging API queries. */
    public FeedSummary readFeed(InputStream in, RecordSink sink) throws IOException, InputException {
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(in);
            Long total = null;
            int entries = 0;
            boolean sawFeed = false;
            while (xml.hasNext()) {
                if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                if (!sawFeed) {
                    if (!"feed".equals(xml.getLocalName())) {
                        throw new InputException(line(xml.getLocation()), "not an Atom feed: the root element is <" + xml.getLocalName() + ">");
                    }
                    sawFeed = true;
                } else if (is(xml, ATOM, "entry")) {
                    entries++;
                    entry(xml, sink);
                } else if (is(xml, OPENSEARCH, "totalResults")) {
                    total = parseLong(xml.getElementText());
                }
            }
            if (!sawFeed) {
                throw new InputException(0, "not an Atom feed: no XML element found");
            }
            return new FeedSummary(total, entries);
        } catch (XMLStreamException e) {
            throw new InputException(e.getLocation() == null ? 0 : line(e.getLocation()), "malformed XML (" + shortMessage(e) + ")");
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException e) {
                    // closing a reader that already failed; the failure was reported
                }
            }
        }
    }

    /** Reads one entry; the reader is on its start tag and is left on its end tag. */
    private static void entry(XMLStreamReader xml, RecordSink sink) throws XMLStreamException {
        long line = line(xml.getLocation());
        String id = null;
        String title = null;
        String summary = null;
        String comment = null;
        String published = null;
        String updated = null;
        List<String> authors = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        String primary = null;
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                if (depth == 1 && is(xml, ATOM, "id")) {
                    id = xml.getElementText().strip();
                } else if (depth == 1 && is(xml, ATOM, "title")) {
                    title = xml.getElementText();
                } else if (depth == 1 && is(xml, ATOM, "summary")) {
                    summary = xml.getElementText();
                } else if (depth == 1 && is(xml, ATOM, "published")) {
                    published = xml.getElementText();
                } else if (depth == 1 && is(xml, ATOM, "updated")) {
                    updated = xml.getElementText();
                } else if (depth == 1 && is(xml, ARXIV, "comment")) {
                    comment = xml.getElementText();
                } else if (depth == 1 && is(xml, ARXIV, "primary_category")) {
                    String term = xml.getAttributeValue(null, "term");
                    primary = term == null || term.isBlank() ? primary : term.strip();
                    depth++;
                } else if (depth == 1 && is(xml, ATOM, "category")) {
                    String term = xml.getAttributeValue(null, "term");
                    if (term != null && !term.isBlank() && !categories.contains(term.strip())) {
                        categories.add(term.strip());
                    }
                    depth++;
                } else if (depth == 2 && is(xml, ATOM, "name")) {
                    String name = JsonLinesReader.collapse(xml.getElementText());
                    if (!name.isEmpty()) {
                        authors.add(name);
                    }
                } else {
                    depth++;
                }
            }
        }
        if (id == null || id.isEmpty()) {
            sink.skip(line, "entry without <id>");
            return;
        }
        if (id.toLowerCase(Locale.ROOT).contains("arxiv.org/api/errors")) {
            String message = summary == null || summary.isBlank() ? id : JsonLinesReader.collapse(summary);
            sink.skip(line, "arXiv API error: " + message);
            return;
        }
        if (primary != null) {
            // arXiv lists the primary category first (the metadata snapshot does too); the feed says which it is
            categories.remove(primary);
            categories.add(0, primary);
        }
        ArxivId arxivId = ArxivId.fromUrl(id);
        if (arxivId == null) {
            arxivId = ArxivId.parse(id);
        }
        if (arxivId == null) {
            sink.skip(line, "entry id is not an arXiv abs URL: " + id);
            return;
        }
        try {
            sink.accept(new Paper(arxivId.id(), arxivId.version(), blankToNull(title == null ? null : JsonLinesReader.collapse(title)),
                    blankToNull(summary == null ? null : summary.strip()), blankToNull(comment == null ? null : comment.strip()),
                    authors.isEmpty() ? null : String.join(", ", authors),
                    categories.isEmpty() ? null : String.join(" ", categories),
                    instant(published), instant(updated), List.of()));
        } catch (DateTimeParseException e) {
            sink.skip(line, "entry " + arxivId + " has a date that is not ISO 8601: " + e.getParsedString());
        }
    }

    private static boolean is(XMLStreamReader xml, String namespace, String localName) {
        return localName.equals(xml.getLocalName()) && namespace.equals(xml.getNamespaceURI());
    }

    private static @Nullable Instant instant(@Nullable String s) {
        return s == null || s.isBlank() ? null : OffsetDateTime.parse(s.strip()).toInstant();
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static @Nullable Long parseLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long line(Location location) {
        return Math.max(0, location.getLineNumber());
    }

    /** The parser's message without the "ParseError at [row,col]:" prefix it repeats. */
    private static String shortMessage(XMLStreamException e) {
        String m = String.valueOf(e.getMessage());
        int msg = m.indexOf("Message: ");
        if (msg >= 0) {
            m = m.substring(msg + "Message: ".length());
        }
        m = m.strip();
        return m.length() <= 120 ? m : m.substring(0, 120) + "...";
    }
}
