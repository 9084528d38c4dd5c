package org.reprotrack.check.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.reprotrack.check.github.Fixtures.file;
import static org.reprotrack.check.github.Fixtures.json;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reprotrack.check.CheckResult;
import org.reprotrack.check.KnownState;

/** The token reaches GitHub in one header and nowhere else: not in results, messages, toString or logs. */
class TokenSecrecyTest extends GitHubTestBase {
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private PrintStream originalErr = System.err;
    private PrintStream originalOut = System.out;

    @BeforeEach
    void captureLogs() {
        originalErr = System.err;
        originalOut = System.out;
        PrintStream capture = new PrintStream(logged, true, StandardCharsets.UTF_8);
        System.setErr(capture);
        System.setOut(capture);
    }

    @AfterEach
    void restoreLogs() {
        System.setErr(originalErr);
        System.setOut(originalOut);
    }

    @Test
    void theTokenAppearsNowhereButInTheAuthorizationHeader() throws Exception {
        GraphQlAnswers graphQl = new GraphQlAnswers(routes, clock);
        routes.on("/repos/a/ok", file(200, "repo-archived.json"))
                .on("/repos/a/gone", file(404, "not-found-404.json"))
                .on("/repos/a/dmca", file(451, "dmca-451.json"))
                .on("/repos/a/flaky", json(502, "{\"message\":\"Server Error\"}"))
                .on("/repos/a/limited", file(403, "secondary-limit-403.json"))
                .on("/repos/a/bad", json(200, "{not json"))
                .on("/repos/a/moved", file(301, "moved-301.json").addHeader("Location", "/repositories/515436299"))
                .on("/repositories/515436299", file(200, "repo-archived.json"))
                .on("/repos/a/denied", json(401, "{\"message\":\"Bad credentials\"}"))
                .on("/repos/example-owner/taken-down", file(451, "dmca-451.json"))
                .on("/repos/example-owner/deleted-repo", file(404, "not-found-404.json"));
        graphQl.then(p -> json(502, Fixtures.read("graphql-502.json")),
                p -> json(200, Fixtures.read("graphql-partial-not-found.json")));
        GitHubSettings settings = settings(TOKEN);
        GitHubChecker github = github(settings);
        server.setDispatcher(graphQl);

        List<CheckResult> results = new ArrayList<>();
        for (String path : List.of("a/ok", "a/gone", "a/dmca", "a/flaky", "a/limited", "a/bad", "a/moved")) {
            results.add(github.rest().check(fresh(path)));
        }
        results.addAll(github.check(List.of(fresh("octokit-fixture-org/hello-world"),
                fresh("example-owner/taken-down"), fresh("example-owner/deleted-repo"))));
        BadCredentialsException denied = assertThrows(BadCredentialsException.class,
                () -> github.rest().check(fresh("a/denied")));

        assertEquals("Bearer " + TOKEN, server.takeRequest(1, TimeUnit.SECONDS).getHeaders().get("Authorization"),
                "the token is sent");
        List<String> seen = new ArrayList<>();
        for (CheckResult r : results) {
            seen.add(r.toString()); // a record's toString covers every field
        }
        seen.add(denied.getMessage());
        seen.add(denied.toString());
        seen.add(settings.toString());
        seen.add(github.toString());
        seen.add(String.valueOf(settings.token()));
        seen.add(new GitHubHeaders("ua", settings.token()).toString());
        seen.add(github.stats().toString());
        System.err.flush();
        seen.add(logged.toString(StandardCharsets.UTF_8));

        assertTrue(logged.size() > 0, "the scenarios above log something, so the log check means something");
        for (String s : seen) {
            assertFalse(s.contains(TOKEN), "token leaked into: " + s);
            assertFalse(s.contains(TOKEN.substring(4, 20)), "part of the token leaked into: " + s);
        }
        assertEquals("***", String.valueOf(settings.token()));
        assertTrue(settings.toString().contains("token=***"), settings.toString());
    }

    @Test
    void aKnownStateNeverCarriesTheToken() {
        KnownState k = fresh("a/b");
        assertFalse(k.toString().contains(TOKEN));
    }
}
