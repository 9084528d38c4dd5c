package org.reprotrack.check.github;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One conditional GET of a repository's contents (tree or README), as a value.
 *
 * @param outcome what GitHub said
 * @param value the parsed body for {@link Outcome#FOUND}
 * @param etag the answer's ETag (or the one sent, on a 304), for the next conditional request
 * @param httpStatus the HTTP status, if an answer came
 * @param reason a failure's reason ("HTTP 502", "read timeout"); empty otherwise
 */
public record Fetched<T>(Outcome outcome, @Nullable T value, @Nullable String etag, @Nullable Integer httpStatus,
        String reason) {

    /** The closed set of answers a contents request can have. */
    public enum Outcome {
        /** 200 with a body. */
        FOUND,
        /** 304: unchanged since the ETag sent; reuse what was stored. */
        NOT_MODIFIED,
        /** 404: no README, or no such branch. */
        MISSING,
        /** 409: the repository has no commits. */
        EMPTY_REPOSITORY,
        /** No usable answer: transient failures after retries, rate limits, odd statuses. */
        FAILED
    }

    public Fetched {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        if (outcome == Outcome.FOUND) {
            Objects.requireNonNull(value, "a FOUND answer carries its value");
        }
    }

    static <T> Fetched<T> failed(@Nullable Integer status, String reason) {
        return new Fetched<>(Outcome.FAILED, null, null, status, reason);
    }
}
