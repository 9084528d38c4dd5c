package org.reprotrack.store;

/** Orders of the paper list; each ends on the id so pages never overlap. */
public enum PaperSort {
    ID("f.facet, f.paper_id"),
    ID_DESC("f.facet DESC, f.paper_id DESC"),
    PUBLISHED("f.facet, f.published, f.paper_id"),
    PUBLISHED_DESC("f.facet DESC, f.published DESC, f.paper_id DESC"),
    STATUS("f.facet, f.code_status, f.paper_id");

    private final String orderBy;

    PaperSort(String orderBy) {
        this.orderBy = orderBy;
    }

    /**
     * The ORDER BY list over {@code paper_facet f}. The (constant) facet leads so the order is the
     * one of an index {@code (facet, ...)}: H2 does not see that a column bound by equality leaves
     * the rest in index order, and reads an index backwards only when every column is DESC. Papers
     * without a date come where the database puts NULLs (H2: first in ascending order,
     * PostgreSQL: last).
     */
    String orderBy() {
        return orderBy;
    }

    /** The name used in URLs: {@code id}, {@code -id}, {@code published}, {@code -published}, {@code status}. */
    public String param() {
        return switch (this) {
            case ID -> "id";
            case ID_DESC -> "-id";
            case PUBLISHED -> "published";
            case PUBLISHED_DESC -> "-published";
            case STATUS -> "status";
        };
    }

    /** The sort named by a URL parameter, or null when there is none by that name. */
    public static @org.jspecify.annotations.Nullable PaperSort ofParam(String param) {
        for (PaperSort s : values()) {
            if (s.param().equals(param)) {
                return s;
            }
        }
        return null;
    }
}
