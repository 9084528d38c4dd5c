package org.reprotrack.check.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.CheckResult;
import org.reprotrack.check.KnownState;
import org.reprotrack.check.RepoMetadata;
import org.reprotrack.check.RepoStatus;
import org.reprotrack.links.CodeHost;
import org.reprotrack.links.RepoRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks GitHub repositories up to 100 per GraphQL query (github-api.md §5). Needs a token. A
 * repository GraphQL cannot resolve (a null alias, with NOT_FOUND or any other error such as
 * FORBIDDEN) is confirmed with one REST call, since GraphQL does not tell a DMCA takedown from a
 * deletion, nor give a block's reason. Thread-safe.
 */
public final class GitHubGraphQlChecker {
    private static final Logger log = LoggerFactory.getLogger(GitHubGraphQlChecker.class);
    private static final Set<Integer> HALVE_ON = Set.of(502, 504);

    private final HttpUrl graphQlUrl;
    private final int batchSize;
    private final int maxHalvings;
    private final int maxRateLimitWaits;
    private final GitHubTransport transport;
    private final GitHubRestChecker confirmer;

    GitHubGraphQlChecker(HttpUrl graphQlUrl, int batchSize, int maxHalvings, int maxRateLimitWaits,
            GitHubTransport transport, GitHubRestChecker confirmer) {
        this.graphQlUrl = Objects.requireNonNull(graphQlUrl, "graphQlUrl");
        this.batchSize = batchSize;
        this.maxHalvings = maxHalvings;
        this.maxRateLimitWaits = maxRateLimitWaits;
        this.transport = Objects.requireNonNull(transport, "transport");
        this.confirmer = Objects.requireNonNull(confirmer, "confirmer");
    }

    /**
     * One result per repository, in the input order.
     *
     * @throws BadCredentialsException when GitHub rejects the token
     */
    public List<CheckResult> checkBatch(List<KnownState> states) {
        for (KnownState s : states) {
            if (s.ref().host() != CodeHost.GITHUB) {
                throw new IllegalArgumentException("not a GitHub repository: " + s.ref().key());
            }
        }
        CheckResult[] results = new CheckResult[states.size()];
        List<Integer> askable = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            if (states.get(i).ref().path().split("/", -1).length == 2) {
                askable.add(i);
            } else {
                results[i] = confirmer.check(states.get(i)); // not owner/name: UNKNOWN without a request
            }
        }
        for (int from = 0; from < askable.size(); from += batchSize) {
            List<Integer> indexes = askable.subList(from, Math.min(askable.size(), from + batchSize));
            List<KnownState> batch = new ArrayList<>(indexes.size());
            indexes.forEach(i -> batch.add(states.get(i)));
            List<CheckResult> answers = run(batch, 0);
            for (int j = 0; j < indexes.size(); j++) {
                results[indexes.get(j)] = answers.get(j);
            }
        }
        return List.of(results);
    }

    private List<CheckResult> run(List<KnownState> batch, int halvings) {
        int rateLimitWaits = 0;
        while (true) {
            ApiResponse a;
            try {
                a = transport.execute(request(batch), ApiResource.GRAPHQL, HALVE_ON);
            } catch (CheckFailedException e) {
                return unknown(batch, e.httpStatus(), e.reason());
            }
            if (HALVE_ON.contains(a.code())) {
                return halve(batch, halvings, a.code(), "HTTP " + a.code());
            }
            JsonNode body = a.json();
            if (a.code() != 200 || body == null) {
                return unknown(batch, a.code(), "unexpected HTTP " + a.code() + " from GraphQL");
            }
            List<JsonNode> errors = new ArrayList<>();
            JsonNode e = body.get("errors");
            if (e != null && e.isArray()) {
                e.forEach(errors::add);
            }
            if (errors.stream().anyMatch(GraphQlPost::rateLimited)) {
                if (++rateLimitWaits > maxRateLimitWaits) {
                    return unknown(batch, 200, "rate limited");
                }
                transport.gate().budgetSpent(ApiResource.GRAPHQL, resetAt(a, body));
                continue;
            }
            if (errors.stream().anyMatch(GitHubGraphQlChecker::secondaryLimited)) {
                if (++rateLimitWaits > maxRateLimitWaits
                        || !transport.gate().secondaryLimited(a.retryAfter(transport.clock()))) {
                    return unknown(batch, 200, "rate limited");
                }
                continue;
            }
            if (errors.stream().anyMatch(x -> "RESOURCE_LIMITS_EXCEEDED".equals(type(x)))) {
                return halve(batch, halvings, 200, "RESOURCE_LIMITS_EXCEEDED");
            }
            JsonNode data = body.get("data");
            if (data == null || !data.isObject()) {
                // data == null, or the string "null" seen on 502s: the whole batch failed.
                return unknown(batch, 200, "GraphQL answer without data"
                        + (errors.isEmpty() ? "" : ": " + ApiResponse.text(errors.get(0), "message")));
            }
            logCost(body.get("data"), batch.size());
            return classify(batch, a, data, GraphQlPost.byAlias(errors));
        }
    }

    private List<CheckResult> classify(List<KnownState> batch, ApiResponse a, JsonNode data,
            Map<String, JsonNode> errors) {
        List<CheckResult> out = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            KnownState known = batch.get(i);
            String alias = GraphQlQuery.alias(i);
            JsonNode repo = data.get(alias);
            if (repo == null || repo.isNull() || !repo.isObject()) {
                JsonNode error = errors.get(alias);
                String type = error == null ? null : type(error);
                if (error == null || "NOT_FOUND".equals(type)) {
                    out.add(confirmer.check(known));
                } else {
                    out.add(confirmedAfterError(known, type, ApiResponse.text(error, "message")));
                }
            } else {
                out.add(found(known, repo, a.requestId()));
            }
        }
        return out;
    }

    /**
     * A null alias with an error other than a clean NOT_FOUND: a DMCA takedown or a ToS block shows as
     * FORBIDDEN ("Repository access blocked"), and GraphQL gives no reason. One REST request, through
     * the same rate-limit gate, gives the verdict (451 or 403 with its {@code block}) or stays
     * UNKNOWN when its answer is transient; the GraphQL error is kept in the detail either way.
     */
    private CheckResult confirmedAfterError(KnownState known, @Nullable String type, @Nullable String message) {
        CheckResult rest = confirmer.check(known);
        String said = "GraphQL said " + (type == null ? "an error without a type" : type)
                + (message == null ? "" : ": " + message);
        return new CheckResult(rest.ref(), rest.checkedAt(), rest.status(), rest.httpStatus(),
                rest.detail() + "; " + said, rest.metadata(), rest.etag(), rest.movedTo(), rest.hostId(),
                rest.blockReason(), rest.requestId());
    }

    private CheckResult found(KnownState known, JsonNode repo, @Nullable String requestId) {
        RepoRef ref = known.ref();
        Long id = RepoMetadataParser.id(repo, "databaseId");
        String name = ApiResponse.text(repo, "nameWithOwner");
        if (id == null || name == null) {
            return CheckResult.unknown(ref, now(), 200, "GraphQL answer without databaseId or nameWithOwner");
        }
        RepoMetadata metadata = RepoMetadataParser.fromGraphQl(repo);
        String asked = known.commitToAsk();
        if (asked != null && repo.has(GraphQlQuery.PINNED)) {
            // null: the recorded commit no longer resolves, the history was rewritten (issue 16)
            metadata = metadata.withAskedCommit(asked, !repo.get(GraphQlQuery.PINNED).isNull());
        }
        RepoStatus status = Verdict.of(new Verdict.Observed(ref.path(), name, id, known.hostId(),
                Boolean.TRUE.equals(metadata.archived()), Boolean.TRUE.equals(metadata.disabled()),
                flag(repo, "isPrivate"), flag(repo, "isEmpty")));
        boolean moved = Verdict.renamed(ref.path(), name);
        String detail = switch (status) {
            case MOVED -> "moved to " + name;
            case REPLACED -> "name now belongs to repository " + id + " (was " + known.hostId() + ")";
            case EMPTY -> "repository is empty";
            case BLOCKED -> "disabled";
            case NOT_FOUND -> "repository is private";
            case ARCHIVED -> "archived";
            case OK, PLACEHOLDER, UNKNOWN -> "found";
        };
        return new CheckResult(ref, now(), status, 200, detail, metadata, null, moved ? name : null, id,
                status == RepoStatus.BLOCKED ? "disabled" : null, requestId);
    }

    private List<CheckResult> halve(List<KnownState> batch, int halvings, int code, String reason) {
        if (batch.size() < 2 || halvings >= maxHalvings) {
            return unknown(batch, code, reason);
        }
        log.info("GitHub GraphQL: {} for a batch of {}; retrying in halves", reason, batch.size());
        int mid = batch.size() / 2;
        List<CheckResult> out = new ArrayList<>(run(batch.subList(0, mid), halvings + 1));
        out.addAll(run(batch.subList(mid, batch.size()), halvings + 1));
        return out;
    }

    private Request request(List<KnownState> batch) {
        List<RepoRef> refs = new ArrayList<>(batch.size());
        List<@Nullable String> commits = new ArrayList<>(batch.size());
        batch.forEach(s -> {
            refs.add(s.ref());
            commits.add(s.commitToAsk());
        });
        GraphQlQuery q = GraphQlQuery.of(refs, commits);
        return GraphQlPost.request(transport.mapper(), graphQlUrl, q.text(), q.variables());
    }

    private static boolean secondaryLimited(JsonNode error) {
        String message = ApiResponse.text(error, "message");
        return message != null && message.toLowerCase(Locale.ROOT).contains("secondary rate");
    }

    private static @Nullable String type(JsonNode error) {
        return ApiResponse.text(error, "type");
    }

    private static @Nullable Instant resetAt(ApiResponse a, JsonNode body) {
        Instant header = a.resetAt();
        if (header != null) {
            return header;
        }
        JsonNode data = body.get("data");
        String at = data == null ? null : ApiResponse.text(data.get("rateLimit"), "resetAt");
        if (at == null) {
            return null;
        }
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static void logCost(JsonNode data, int size) {
        JsonNode rl = data.get("rateLimit");
        if (rl != null && log.isDebugEnabled()) {
            log.debug("GitHub GraphQL batch of {}: cost {}, remaining {}, reset {}", size,
                    ApiResponse.text(rl, "cost"), ApiResponse.text(rl, "remaining"), ApiResponse.text(rl, "resetAt"));
        }
    }

    private static boolean flag(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.asBoolean(false);
    }

    private List<CheckResult> unknown(List<KnownState> batch, @Nullable Integer code, String reason) {
        List<CheckResult> out = new ArrayList<>(batch.size());
        Instant at = now();
        batch.forEach(s -> out.add(CheckResult.unknown(s.ref(), at, code, reason)));
        return out;
    }

    private Instant now() {
        return transport.clock().instant();
    }
}
