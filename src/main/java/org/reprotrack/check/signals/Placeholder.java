package org.reprotrack.check.signals;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The placeholder verdict on one repository.
 *
 * @param placeholder the repository exists but holds no code (status-model.md, PLACEHOLDER)
 * @param reason why, in words, for the check's detail; null when not a placeholder
 * @param promise the README line that says code is coming, if any (also kept for repositories that
 *     hold some code, where it marks a partial release)
 */
public record Placeholder(boolean placeholder, @Nullable String reason, @Nullable String promise) {

    public Placeholder {
        if (placeholder) {
            Objects.requireNonNull(reason, "a placeholder needs a reason");
        }
    }
}
