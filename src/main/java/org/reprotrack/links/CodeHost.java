package org.reprotrack.links;

import java.util.Locale;
import java.util.Optional;

/** The code hosts whose links name a repository (extraction.md, "Code hosts"). */
public enum CodeHost {
    GITHUB("github.com"),
    GIST("gist.github.com"),
    GITLAB("gitlab.com"),
    BITBUCKET("bitbucket.org"),
    CODEBERG("codeberg.org"),
    GITEE("gitee.com"),
    HUGGINGFACE("huggingface.co"),
    ANONYMOUS_4OPEN("anonymous.4open.science"),
    SOURCEFORGE("sourceforge.net");

    private final String domain;

    CodeHost(String domain) {
        this.domain = domain;
    }

    /** The canonical domain, lower case, without {@code www.}. */
    public String domain() {
        return domain;
    }

    /** The host for a domain as written ({@code WWW.GitHub.com} is GitHub), if it is a code host. */
    public static Optional<CodeHost> ofDomain(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        if (d.startsWith("www.")) {
            d = d.substring(4);
        }
        for (CodeHost h : values()) {
            if (h.domain.equals(d)) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }
}
