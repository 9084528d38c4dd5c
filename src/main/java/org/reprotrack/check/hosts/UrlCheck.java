package org.reprotrack.check.hosts;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.CheckResult;
import org.reprotrack.check.RepoStatus;
import org.reprotrack.links.RepoRef;

/**
 * The outcome of probing one plain URL, for links that name no repository.
 *
 * @param url the URL asked about
 * @param checkedAt when the last answer arrived
 * @param status OK, NOT_FOUND, BLOCKED or UNKNOWN
 * @param httpStatus the decisive HTTP status, if any
 * @param detail the evidence in words
 * @param finalUrl where the redirects ended (the asked URL when there were none)
 * @param redirects how many redirects were followed
 */
public record UrlCheck(
        String url,
        Instant checkedAt,
        RepoStatus status,
        @Nullable Integer httpStatus,
        String detail,
        String finalUrl,
        int redirects) {

    public UrlCheck {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(checkedAt, "checkedAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(finalUrl, "finalUrl");
    }

    /** The same outcome as a repository check; the final URL is kept in the detail. */
    public CheckResult toCheckResult(RepoRef ref) {
        String evidence = redirects == 0 ? detail : detail + " (final URL " + finalUrl + ")";
        return new CheckResult(ref, checkedAt, status, httpStatus, evidence, null, null, null, null,
                status == RepoStatus.BLOCKED ? "legal" : null, null);
    }
}
