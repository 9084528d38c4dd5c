package org.reprotrack.links;

/** Whether a link names a code repository. */
public enum LinkKind {
    /** A repository on a code host: it can make a paper count as "has code". */
    CODE,
    /** Anything else (project pages, accounts, data archives, DOIs): kept and checked, never code. */
    OTHER;

    /** The lower-case name used in exports ({@code code}, {@code other}). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
