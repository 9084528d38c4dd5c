package org.reprotrack.check;

import org.jspecify.annotations.Nullable;
import org.reprotrack.links.RepoRef;

/**
 * What the store remembers about a repository before a check: enough to send a conditional
 * request, to tell a rename (same id) from a reused name (new id), and to fill a 304 answer.
 *
 * @param ref the repository
 * @param etag the ETag from the last answer made with the current token, if any
 * @param hostId the host's numeric id first seen for this repository
 * @param lastMetadata the metadata of the last answer that carried some
 * @param lastStatus the last definitive verdict, if any
 */
public record KnownState(
        RepoRef ref,
        @Nullable String etag,
        @Nullable Long hostId,
        @Nullable RepoMetadata lastMetadata,
        @Nullable RepoStatus lastStatus) {

    /** A repository never checked before. */
    public static KnownState fresh(RepoRef ref) {
        return new KnownState(ref, null, null, null, null);
    }
}
