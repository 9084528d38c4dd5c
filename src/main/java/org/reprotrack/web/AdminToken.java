package org.reprotrack.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.jspecify.annotations.Nullable;

/**
 * The admin token, held only as its SHA-256 digest and compared in constant time
 * ({@link MessageDigest#isEqual} on equal-length digests), so neither the comparison's duration
 * nor a heap dump gives it away.
 */
final class AdminToken {

    private final byte @Nullable [] digest;

    /** @param token the token, or null/blank when writes are switched off */
    AdminToken(@Nullable String token) {
        this.digest = token == null || token.isBlank() ? null : sha256(token.strip());
    }

    /** Writes are allowed at all. */
    boolean enabled() {
        return digest != null;
    }

    /** The {@code Authorization} header value carries the token as {@code Bearer <token>}. */
    boolean accepts(@Nullable String authorization) {
        if (digest == null || authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(authorization.substring("Bearer ".length()).strip()));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
