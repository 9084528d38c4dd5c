package org.reprotrack.check.signals;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Days between a paper's first version and a repository event. */
public final class ReleaseLag {
    private ReleaseLag() {
    }

    /**
     * Whole days from {@code paper} to {@code event}, rounded towards zero; negative when the
     * repository came first (common: code is often public before the preprint). Null when either
     * is unknown.
     */
    public static @Nullable Long days(@Nullable Instant paper, @Nullable Instant event) {
        if (paper == null || event == null) {
            return null;
        }
        return Duration.between(paper, event).toDays();
    }
}
