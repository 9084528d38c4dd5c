package org.reprotrack.links;

import java.util.Locale;
import java.util.Objects;

/**
 * One code repository on a code host.
 *
 * @param host the code host
 * @param path the host-specific path that identifies the repository, in the spelling first seen:
 *     {@code owner/repo} (GitHub, Bitbucket, Codeberg, Gitee), {@code group/sub/project} (GitLab),
 *     {@code [user/]id} (gists), {@code owner/model}, {@code datasets/owner/name} or
 *     {@code spaces/owner/name} (Hugging Face), {@code r/name} (anonymous.4open.science),
 *     {@code projects/name} (SourceForge)
 */
public record RepoRef(CodeHost host, String path) {

    public RepoRef {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
        if (path.isEmpty() || path.startsWith("/") || path.endsWith("/")) {
            throw new IllegalArgumentException("repository path must be non-empty without edge slashes: " + path);
        }
    }

    /** The canonical key, lower case: {@code github.com/owner/name}. Two links with one key are one repository. */
    public String key() {
        return host.domain() + "/" + path.toLowerCase(Locale.ROOT);
    }

    /** A browsable https URL in the first-seen spelling. */
    public String url() {
        return "https://" + host.domain() + "/" + path;
    }

    /** The first path segment (owner, group, or the type prefix such as {@code datasets}). */
    public String owner() {
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(0, slash);
    }

    /** The last path segment (repository, project, model or data set name). */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
