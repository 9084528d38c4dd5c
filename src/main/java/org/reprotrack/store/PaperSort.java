package org.reprotrack.store;

/** Orders of the paper list; each ends on the id so pages never overlap. */
public enum PaperSort {
    ID("p.id"),
    ID_DESC("p.id DESC"),
    PUBLISHED("p.published NULLS LAST, p.id"),
    PUBLISHED_DESC("p.published DESC NULLS LAST, p.id DESC"),
    STATUS("p.code_status, p.id");

    private final String orderBy;

    PaperSort(String orderBy) {
        this.orderBy = orderBy;
    }

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
