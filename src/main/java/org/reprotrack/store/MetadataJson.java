package org.reprotrack.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.RepoMetadata;

/** RepoMetadata as the JSON text kept in the store (snake_case keys, ISO-8601 instants). */
final class MetadataJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private MetadataJson() {
    }

    static @Nullable String write(@Nullable RepoMetadata metadata) {
        if (metadata == null) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise metadata", e);
        }
    }

    /** The metadata, or null when there is none or the stored text is unreadable (then it is re-fetched). */
    static @Nullable RepoMetadata read(@Nullable String json) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readValue(json, RepoMetadata.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
