package org.reprotrack.store;

import java.time.Instant;

/**
 * One collection as listed.
 *
 * @param papers its members (arXiv ids)
 * @param tracked the members the store has ingested (the rest join the pages once ingested)
 * @param priority audits plan its repositories first
 * @param source how it was last filled (file, arXiv query, filter), for the listing
 */
public record CollectionRow(long id, String name, int papers, int tracked, boolean priority, String source, Instant createdAt,
        Instant updatedAt) {
}
