/**
 * The GitHub checkers: REST per repository, GraphQL in batches, one shared HTTP client behind a
 * rate-limit gate and a retry policy. HTTP only: no database, no CLI. Null is allowed only where
 * marked {@code @Nullable}.
 *
 * <pre>{@code
 * GitHubSettings settings = GitHubSettings.defaults(Secret.of(token));
 * try (GitHubChecker github = new GitHubChecker(settings, Clock.systemUTC(), Sleeper.SYSTEM,
 *         (resource, until, reason) -> progress.say(reason + "; waiting until " + until),
 *         () -> ThreadLocalRandom.current().nextDouble())) {
 *     List<CheckResult> results = github.check(knownStates); // input order kept
 * }
 * }</pre>
 *
 * <p>A {@link org.reprotrack.check.github.BadCredentialsException} stops the run; everything else
 * that goes wrong is an {@code UNKNOWN} result with its reason.
 */
@NullMarked
package org.reprotrack.check.github;

import org.jspecify.annotations.NullMarked;
