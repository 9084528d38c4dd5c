package org.reprotrack.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reprotrack.store.NotifyEvent;
import org.reprotrack.store.NotifyStore;

class AtomFeedTest {

    private static final Instant T = Instant.parse("2026-01-13T08:00:00Z");

    private static SyndFeed parse(byte[] xml) throws Exception {
        return new SyndFeedInput().build(new InputStreamReader(new ByteArrayInputStream(xml), StandardCharsets.UTF_8));
    }

    @Test
    void titles_with_characters_xml_cannot_carry_still_make_a_valid_feed() throws Exception {
        NotifyEvent e = new NotifyEvent(7, NotifyEvent.PROMISE_NOT_KEPT, 3L, "github.com/lab/gamma", "2104.00004", "EMPTY", null, T, T);
        String hostile = "Bell\u0007 <b>&amp;</b> ]]> \uD800 lone \uFFFE end \uD83D\uDE00";
        byte[] xml = AtomFeed.write("https://t.example.org", "store-1", "/feeds/changes.atom", "changes", List.of(e),
                Map.of(7L, List.of(new NotifyStore.EventPaper("2104.00004", hostile))), Instant.EPOCH);
        SyndFeed feed = parse(xml);
        assertEquals("tag:reprotrack,2026:store-1/feed/feeds/changes.atom", feed.getUri());
        assertEquals("tag:reprotrack,2026:store-1/event/7", feed.getEntries().get(0).getUri());
        String summary = feed.getEntries().get(0).getDescription().getValue();
        assertTrue(summary.contains("Bell <b>&amp;</b> ]]>  lone  end \uD83D\uDE00"), summary);
        assertEquals("promise_not_kept", feed.getEntries().get(0).getCategories().get(0).getName());
    }

    @Test
    void an_empty_feed_is_valid_and_its_tag_changes_when_an_event_arrives() throws Exception {
        byte[] xml = AtomFeed.write("https://t.example.org", "s", "/collections/x/feed.atom", "x", List.of(), Map.of(), Instant.EPOCH);
        SyndFeed feed = parse(xml);
        assertEquals(0, feed.getEntries().size());
        assertEquals(java.util.Set.of("self https://t.example.org/collections/x/feed.atom", "alternate https://t.example.org/collections/x"),
                feed.getLinks().stream().map(l -> l.getRel() + " " + l.getHref()).collect(java.util.stream.Collectors.toSet()));
        NotifyEvent e = new NotifyEvent(1, NotifyEvent.NEWLY_DEAD, 1L, "github.com/a/b", null, "NOT_FOUND", "OK", T, T);
        assertTrue(!AtomFeed.etag("s", 1L, List.of()).equals(AtomFeed.etag("s", 1L, List.of(e))));
        assertEquals(AtomFeed.etag("s", 1L, List.of(e)), AtomFeed.etag("s", 1L, List.of(e)));
    }
}
