package org.reprotrack.check.github;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;

/** Fixture files under {@code src/test/resources/github/} and answers built from them. */
final class Fixtures {
    private Fixtures() {
    }

    static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/github/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MockResponse.Builder json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json; charset=utf-8")
                .body(body);
    }

    /** An answer with the body of a fixture file and a request id. */
    static MockResponse.Builder file(int code, String name) {
        return json(code, read(name)).addHeader("X-GitHub-Request-Id", "0687:0D5B:29F123D:4E0B9D8:62D6351D");
    }
}
