package org.reprotrack.store;

import java.util.List;
import org.reprotrack.links.Link;
import org.reprotrack.links.LinkKind;

/** What one file's ingest did to the store. Confined to the writer's thread. */
public final class IngestCounts {

    private long read;
    private long added;
    private long updated;
    private long unchanged;
    private long codeLinks;
    private long otherLinks;

    void read(List<Link> links) {
        read++;
        for (Link link : links) {
            if (link.kind() == LinkKind.CODE) {
                codeLinks++;
            } else {
                otherLinks++;
            }
        }
    }

    void added() {
        added++;
    }

    void updated() {
        updated++;
    }

    void unchanged() {
        unchanged++;
    }

    public long papersRead() {
        return read;
    }

    public long papersNew() {
        return added;
    }

    public long papersUpdated() {
        return updated;
    }

    public long papersUnchanged() {
        return unchanged;
    }

    public long codeLinks() {
        return codeLinks;
    }

    public long otherLinks() {
        return otherLinks;
    }
}
