package org.reprotrack.store;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A web archive's definitive answer about one origin URL, as cached.
 *
 * @param archive which archive answered ({@code swh}, {@code wayback})
 * @param capturedAt the last snapshot visit (Software Heritage) or the closest capture (Wayback)
 * @param copyUrl where the copy can be browsed
 */
public record ArchiveAnswer(String archive, String originUrl, Instant fetchedAt, boolean archived,
        @Nullable Instant capturedAt, @Nullable String copyUrl) {
}
