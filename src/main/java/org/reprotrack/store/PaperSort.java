package org.reprotrack.store;

/** Orders of the paper list; each ends on the id so pages never overlap. */
public enum PaperSort {
    ID("p.id"),
    ID_DESC("p.id DESC"),
    PUBLISHED("p.published, p.id"),
    PUBLISHED_DESC("p.published DESC, p.id DESC"),
    STATUS("p.code_status, p.id");

    private final String orderBy;

    PaperSort(String orderBy) {
        this.orderBy = orderBy;
    }

    /**
     * The ORDER BY list. With a status filter the (constant) status leads, so the order is the one
     * of the index {@code (code_status, ...)} and the database reads one page instead of sorting
     * every match. Papers without a date come where the database puts NULLs (H2: first in
     * ascending order, PostgreSQL: last).
     */
    String orderBy(boolean statusFilter) {
        if (!statusFilter || this == STATUS) {
            return orderBy;
        }
        return "p.code_status, " + orderBy;
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
