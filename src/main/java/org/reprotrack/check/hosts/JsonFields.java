package org.reprotrack.check.hosts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Lenient reads of optional JSON fields: every host adds, drops and re-types fields over time, so a
 * missing or oddly typed field is "unknown", never an error.
 */
final class JsonFields {
    private JsonFields() {
    }

    static @Nullable JsonNode node(@Nullable JsonNode parent, String field) {
        if (parent == null) {
            return null;
        }
        JsonNode v = parent.get(field);
        return v == null || v.isNull() || v.isMissingNode() ? null : v;
    }

    static @Nullable String text(@Nullable JsonNode parent, String field) {
        JsonNode v = node(parent, field);
        return v == null || !v.isValueNode() ? null : v.asText();
    }

    static @Nullable Integer integer(@Nullable JsonNode parent, String field) {
        JsonNode v = node(parent, field);
        return v != null && v.canConvertToInt() && v.isIntegralNumber() ? v.intValue() : null;
    }

    static @Nullable Long longValue(@Nullable JsonNode parent, String field) {
        JsonNode v = node(parent, field);
        return v != null && v.isIntegralNumber() && v.canConvertToLong() ? v.longValue() : null;
    }

    static @Nullable Boolean bool(@Nullable JsonNode parent, String field) {
        JsonNode v = node(parent, field);
        return v != null && v.isBoolean() ? v.booleanValue() : null;
    }

    /** True only for a JSON {@code true}. */
    static boolean isTrue(@Nullable JsonNode parent, String field) {
        return Boolean.TRUE.equals(bool(parent, field));
    }

    /** An ISO-8601 time with offset ({@code 2024-01-02T03:04:05.678Z}, {@code 2020-01-01T10:00:00+08:00}). */
    static @Nullable Instant instant(@Nullable JsonNode parent, String field) {
        String s = text(parent, field);
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The strings of an array field; empty when absent. */
    static List<String> texts(@Nullable JsonNode parent, String field) {
        JsonNode v = node(parent, field);
        List<String> out = new ArrayList<>();
        if (v != null && v.isArray()) {
            for (JsonNode e : v) {
                if (e.isTextual() && !e.asText().isBlank()) {
                    out.add(e.asText());
                }
            }
        }
        return out;
    }
}
