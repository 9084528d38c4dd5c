package org.reprotrack.links;

import java.util.List;

/** Short descriptions of links for assertions: {@code code:<key>} or {@code other:<url>}. */
final class Describe {

    private Describe() {}

    static List<String> links(List<Link> links) {
        return links.stream().map(Describe::link).toList();
    }

    static String link(Link link) {
        RepoRef repo = link.repo();
        return repo != null ? "code:" + repo.key() : "other:" + link.url();
    }
}
