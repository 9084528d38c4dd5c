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
 * @param pinnedCommit the publication commit recorded for the repository (issue 16), whose survival a
 *     GraphQL check asks about once the head moved away from it
 */
public record KnownState(
        RepoRef ref,
        @Nullable String etag,
        @Nullable Long hostId,
        @Nullable RepoMetadata lastMetadata,
        @Nullable RepoStatus lastStatus,
        @Nullable String pinnedCommit) {

    /** Without a recorded publication commit. */
    public KnownState(RepoRef ref, @Nullable String etag, @Nullable Long hostId, @Nullable RepoMetadata lastMetadata,
            @Nullable RepoStatus lastStatus) {
        this(ref, etag, hostId, lastMetadata, lastStatus, null);
    }

    /**
     * The recorded commit to ask about in this check: known, a plain 40-hex object id (it goes
     * into the query as a variable of type GitObjectID), and no longer the head last seen.
     */
    public @Nullable String commitToAsk() {
        if (pinnedCommit == null || !pinnedCommit.matches("[0-9a-f]{40}")) {
            return null;
        }
        String head = lastMetadata == null ? null : lastMetadata.headCommit();
        return pinnedCommit.equals(head) ? null : pinnedCommit;
    }

    /** A repository never checked before. */
    public static KnownState fresh(RepoRef ref) {
        return new KnownState(ref, null, null, null, null);
    }
}
