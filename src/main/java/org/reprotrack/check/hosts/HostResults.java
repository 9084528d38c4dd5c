package org.reprotrack.check.hosts;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.CheckResult;
import org.reprotrack.check.RepoMetadata;
import org.reprotrack.check.RepoStatus;
import org.reprotrack.links.CodeHost;
import org.reprotrack.links.RepoRef;

/** Builders for the results the host checkers give, so every checker keeps the same evidence. */
final class HostResults {
    private HostResults() {
    }

    static CheckResult of(RepoRef ref, Instant at, RepoStatus status, HostAnswer a, String detail,
            @Nullable RepoMetadata metadata, @Nullable String movedTo, @Nullable Long hostId,
            @Nullable String blockReason) {
        return new CheckResult(ref, at, status, a.code(), detail, metadata, a.headers().get("ETag"), movedTo, hostId,
                blockReason, requestId(a));
    }

    /** A verdict from an answer that said nothing about the repository beyond its status. */
    static CheckResult bare(RepoRef ref, Instant at, RepoStatus status, HostAnswer a, String detail) {
        return of(ref, at, status, a, detail, null, null, null, null);
    }

    static CheckResult unknown(RepoRef ref, Instant at, HostCheckFailedException e) {
        return CheckResult.unknown(ref, at, e.httpStatus(), e.reason());
    }

    /** The answer a checker has no rule for: never a verdict. */
    static CheckResult unexpected(RepoRef ref, Instant at, HostAnswer a) {
        if (a.isRedirect()) {
            HttpUrlText target = new HttpUrlText(a.headers().get("Location"));
            return CheckResult.unknown(ref, at, a.code(), "redirect not followed (after " + a.redirects()
                    + " hops) to " + target);
        }
        return CheckResult.unknown(ref, at, a.code(), "unexpected HTTP " + a.code() + ": " + a.messageOr("no message"));
    }

    static void requireHost(RepoRef ref, CodeHost... hosts) {
        for (CodeHost h : hosts) {
            if (ref.host() == h) {
                return;
            }
        }
        throw new IllegalArgumentException("not a repository this checker serves: " + ref.key());
    }

    private static @Nullable String requestId(HostAnswer a) {
        for (String name : new String[] {"X-Request-Id", "X-Amz-Cf-Id", "X-Trace-Id"}) {
            String v = a.headers().get(name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private record HttpUrlText(@Nullable String location) {
        @Override
        public String toString() {
            return location == null ? "(no Location)" : location;
        }
    }
}
