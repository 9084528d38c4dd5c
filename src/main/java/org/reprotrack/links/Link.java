package org.reprotrack.links;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One link found in a paper.
 *
 * @param url the link as written, stripped of the prose around it (punctuation, wrappers)
 * @param kind code or other
 * @param host the host name, lower case, without {@code www.}
 * @param repo the repository for code links; null for other links
 * @param context the sentence around the link
 * @param promised true when that sentence promises a later release ("will be released", ...)
 * @param inComments true when the link came from the comments line rather than the abstract
 */
public record Link(
        String url,
        LinkKind kind,
        String host,
        @Nullable RepoRef repo,
        String context,
        boolean promised,
        boolean inComments) {

    public Link {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(context, "context");
        if ((kind == LinkKind.CODE) != (repo != null)) {
            throw new IllegalArgumentException("a code link has a repository and an other link has none: " + url);
        }
    }
}
