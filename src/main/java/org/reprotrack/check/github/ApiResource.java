package org.reprotrack.check.github;

/** The two GitHub rate-limit buckets we spend: REST ({@code core}) and GraphQL ({@code graphql}). */
public enum ApiResource {
    /** REST calls; header {@code x-ratelimit-resource: core}. */
    CORE("core"),
    /** GraphQL queries; header {@code x-ratelimit-resource: graphql}. */
    GRAPHQL("graphql");

    private final String headerName;

    ApiResource(String headerName) {
        this.headerName = headerName;
    }

    /** The name GitHub uses in {@code x-ratelimit-resource}. */
    public String headerName() {
        return headerName;
    }
}
