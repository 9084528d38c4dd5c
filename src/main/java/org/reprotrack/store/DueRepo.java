package org.reprotrack.store;

import org.jspecify.annotations.Nullable;
import org.reprotrack.check.KnownState;
import org.reprotrack.check.RepoState;

/**
 * A repository picked for a check, with what the store knows of it.
 *
 * @param id the repository's row id
 * @param known what a checker needs: ETag (only if it belongs to the current token), host id, last metadata and verdict
 * @param state the audit state StatusPolicy works on
 * @param movedTo the new name recorded by the last MOVED verdict
 */
public record DueRepo(long id, KnownState known, RepoState state, @Nullable String movedTo) {
}
