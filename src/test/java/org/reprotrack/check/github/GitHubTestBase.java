package org.reprotrack.check.github;

import org.reprotrack.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.reprotrack.check.KnownState;
import org.reprotrack.links.CodeHost;
import org.reprotrack.links.RepoRef;

/** A MockWebServer per test, a fake clock and sleeper, and a checker pointed at the server. */
abstract class GitHubTestBase {
    static final String TOKEN = "ghp_TESTTOKEN0000000000000000000000000001";
    static final Instant START = Instant.parse("2026-01-10T10:00:00Z");

    @StartStop
    public final MockWebServer server = new MockWebServer();

    final TestClock clock = new TestClock(START);
    final FakeSleeper sleeper = new FakeSleeper(clock);
    final Routes routes = new Routes(clock);
    final List<String> waits = new CopyOnWriteArrayList<>();
    private @Nullable GitHubChecker github;

    /**
     * Two retries, three rate-limit waits, fake sleeping: the suite runs in seconds. Timeouts of 2 s
     * are never reached by answers that come at once (the timeout test sets its own 200 ms), but
     * keep the first request of a JVM on a busy machine from timing out.
     */
    GitHubSettings settings(@Nullable String token) {
        HttpUrl base = server.url("/");
        return GitHubSettings.forBaseUrl(base, token == null ? null : Secret.of(token))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .withRetries(2, 3, 3);
    }

    GitHubChecker github(GitHubSettings settings) {
        server.setDispatcher(routes);
        github = new GitHubChecker(settings, clock, sleeper,
                (resource, until, reason) -> waits.add(resource + " " + reason + " until " + until), () -> 0.5);
        return github;
    }

    GitHubChecker github() {
        return github(settings(TOKEN));
    }

    @AfterEach
    void closeChecker() {
        if (github != null) {
            github.close();
        }
    }

    static KnownState fresh(String path) {
        return KnownState.fresh(new RepoRef(CodeHost.GITHUB, path));
    }

    static String epoch(Instant t) {
        return Long.toString(t.getEpochSecond());
    }
}
