package org.reprotrack.check.github;

import java.util.Objects;

/**
 * A credential that never shows itself: {@code toString()} is {@code ***}, so a token can sit in
 * records, settings and log arguments without leaking. Only {@link #reveal()} gives the value, and
 * only the header interceptor calls it.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Wraps a non-blank credential. */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a secret must not be blank");
        }
        return new Secret(value.strip());
    }

    /** The credential itself; keep it out of strings that could be logged. */
    String reveal() {
        return value;
    }

    /**
     * 16 hex digits of SHA-256 of the value: enough to tell two tokens apart (to tie stored ETags
     * to the token they were made with), useless to recover the token.
     */
    public String fingerprint() {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "***";
    }

    // Identity semantics on purpose: equals/hashCode on the value would let a hash table leak
    // timing information about the token, and nobody needs to compare tokens.
}
