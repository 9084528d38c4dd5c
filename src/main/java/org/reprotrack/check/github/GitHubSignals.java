package org.reprotrack.check.github;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import org.reprotrack.check.signals.FileTree;
import org.reprotrack.check.signals.TreeFile;
import org.reprotrack.links.RepoRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trees and READMEs of many repositories through GraphQL ({@link SignalsQuery}): one query per
 * batch of repositories, then follow-up queries shared by all of them for folders deeper than the
 * nesting and READMEs under unusual names. A batch that runs too long (502/504, a timeout, or
 * {@code RESOURCE_LIMITS_EXCEEDED}) is split in halves and retried, down to one repository, which
 * then FAILS for this run: nothing is dropped. A tree GraphQL cannot give within the bounds is
 * asked over REST ({@link RestTreeWalker}). Every query first asks the {@link Admission}, which
 * may pause or refuse; what is refused comes back DEFERRED. Not thread-safe: one per lane.
 */
public final class GitHubSignals {
    private static final Logger log = LoggerFactory.getLogger(GitHubSignals.class);
    private static final Set<Integer> SPLIT_ON = Set.of(502, 504);
    static final int MAX_README_CHARS = GitHubContents.MAX_README_CHARS;

    /** Asked before every request: may wait for budget, or refuse (the rest is deferred). */
    @FunctionalInterface
    public interface Admission {
        boolean mayQuery(ApiResource resource);

        Admission ALWAYS = resource -> true;
    }

    private final HttpUrl graphQlUrl;
    private final GitHubTransport transport;
    private final RestTreeWalker rest;
    private final SignalsLimits limits;
    private final int maxRateLimitWaits;

    GitHubSignals(HttpUrl graphQlUrl, GitHubTransport transport, RestTreeWalker rest, SignalsLimits limits,
            int maxRateLimitWaits) {
        this.graphQlUrl = Objects.requireNonNull(graphQlUrl, "graphQlUrl");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.rest = Objects.requireNonNull(rest, "rest");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.maxRateLimitWaits = maxRateLimitWaits;
    }

    /** One repository being read. */
    private static final class Work {
        final RepoRef ref;
        RepoContents.@Nullable Outcome outcome;
        String reason = "";
        final List<TreeFile> files = new ArrayList<>();
        final List<String> pending = new ArrayList<>();
        int walked;
        boolean incomplete;
        @Nullable String headOid;
        @Nullable String readme;
        @Nullable String readmeToAsk;
        boolean answered;

        Work(RepoRef ref) {
            this.ref = ref;
        }

        boolean open() {
            return outcome == null;
        }

        void end(RepoContents.Outcome o, String why) {
            outcome = o;
            reason = why;
        }
    }

    /**
     * Reads these repositories ({@code owner/name} each, as they are now called); one result
     * each, in order.
     *
     * @throws BadCredentialsException when GitHub rejects the token
     */
    public List<RepoContents> fetch(List<RepoRef> refs, Admission admission) {
        List<Work> works = refs.stream().map(Work::new).toList();
        List<Work> open = new ArrayList<>(works);
        for (int from = 0; from < open.size(); from += limits.batchSize()) {
            List<Work> batch = open.subList(from, Math.min(open.size(), from + limits.batchSize()));
            if (!admission.mayQuery(ApiResource.GRAPHQL)) {
                deferUnanswered(works, "budget");
                break; // those answered still get their follow-ups, if the budget allows
            }
            repositories(batch);
        }
        walk(works, admission);
        readmes(works, admission);
        for (Work w : works) {
            if (w.open()) {
                w.end(RepoContents.Outcome.FOUND, "");
            }
        }
        return results(works);
    }

    private void repositories(List<Work> batch) {
        Answer a = run(SignalsQuery.repositories(batch.stream().map(w -> w.ref).toList(), limits.depth()), batch.size());
        if (a.split) {
            if (batch.size() < 2) {
                batch.get(0).end(RepoContents.Outcome.FAILED, a.reason);
                return;
            }
            log.info("GitHub signals: {} for a batch of {}; retrying in halves", a.reason, batch.size());
            int mid = batch.size() / 2;
            repositories(batch.subList(0, mid));
            repositories(batch.subList(mid, batch.size()));
            return;
        }
        if (a.data == null) {
            batch.forEach(w -> w.end(RepoContents.Outcome.FAILED, a.reason));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            read(batch.get(i), a.data.get(SignalsQuery.alias(i)), a.errors.get(SignalsQuery.alias(i)));
        }
    }

    private void read(Work w, @Nullable JsonNode repo, @Nullable JsonNode error) {
        w.answered = true;
        if (repo == null || !repo.isObject()) {
            String type = error == null ? null : ApiResponse.text(error, "type");
            if (error == null || "NOT_FOUND".equals(type)) {
                w.end(RepoContents.Outcome.MISSING, "GraphQL could not resolve the repository");
            } else {
                w.end(RepoContents.Outcome.FAILED, "GraphQL error " + type + ": " + ApiResponse.text(error, "message"));
            }
            return;
        }
        JsonNode tree = repo.get("tree");
        if (repo.path("isEmpty").asBoolean(false) || tree == null || tree.isNull()) {
            w.end(RepoContents.Outcome.EMPTY_REPOSITORY, "");
            return;
        }
        w.headOid = ApiResponse.text(repo.path("defaultBranchRef").path("target"), "oid");
        entries(w, tree, "");
        for (int k = 0; k < SignalsQuery.README_NAMES.size(); k++) {
            JsonNode blob = repo.get(SignalsQuery.readmeAlias(k));
            if (w.readme == null && blob != null && blob.isObject() && blob.get("text") != null
                    && !blob.get("text").isNull()) {
                w.readme = cut(blob.get("text").asText());
            }
        }
        if (w.readme == null) {
            w.readmeToAsk = readmeName(w.files);
        }
    }

    /** Adds a Tree's entries under {@code prefix}; folders whose entries did not come are walked later. */
    private static void entries(Work w, JsonNode tree, String prefix) {
        JsonNode entries = tree.get("entries");
        if (entries == null || !entries.isArray()) {
            return;
        }
        for (JsonNode e : entries) {
            String name = ApiResponse.text(e, "name");
            String type = ApiResponse.text(e, "type");
            if (name == null || type == null) {
                continue;
            }
            String path = prefix + name;
            if (type.equals("blob")) {
                JsonNode size = e.get("size");
                w.files.add(new TreeFile(path, size != null && size.canConvertToLong() ? size.asLong() : -1));
            } else if (type.equals("tree")) {
                JsonNode object = e.get("object");
                if (object != null && object.isObject() && object.has("entries")) {
                    entries(w, object, path + "/");
                } else {
                    w.pending.add(path);
                }
            }
            // "commit" is a submodule: another repository, not listed (as in the REST tree)
        }
    }

    /** Folders deeper than the nesting, asked many at once, a few rounds; then the REST tree. */
    private void walk(List<Work> works, Admission admission) {
        for (int round = 0; round < limits.maxWalkRounds(); round++) {
            List<Ask> asks = new ArrayList<>();
            for (Work w : works) {
                if (!w.open() || w.pending.isEmpty()) {
                    continue;
                }
                if (w.walked + w.pending.size() > limits.maxSubtrees()) {
                    continue; // too large for GraphQL: the REST tree below
                }
                w.pending.forEach(p -> asks.add(new Ask(w, p)));
                w.walked += w.pending.size();
                w.pending.clear();
            }
            if (asks.isEmpty()) {
                break;
            }
            if (!objects(asks, admission, true)) {
                return;
            }
        }
        for (Work w : works) {
            if (w.open() && !w.pending.isEmpty()) {
                if (!admission.mayQuery(ApiResource.CORE)) {
                    w.end(RepoContents.Outcome.DEFERRED, "budget");
                    continue;
                }
                RestTreeWalker.Listing listing = rest.walk(w.ref.owner(), w.ref.name(),
                        w.headOid == null ? "HEAD" : w.headOid, limits.maxRestWalks(), () -> admission.mayQuery(ApiResource.CORE));
                if (listing.refused()) {
                    w.end(RepoContents.Outcome.DEFERRED, "budget"); // read again next run, not stored partial
                } else if (listing.failed() != null) {
                    w.incomplete = true; // keep what GraphQL listed, marked partial
                    log.debug("REST tree of {} failed: {}", w.ref.key(), listing.failed());
                } else {
                    w.files.clear();
                    w.files.addAll(listing.files());
                    w.incomplete |= listing.truncated();
                }
                w.pending.clear();
            }
        }
    }

    /** READMEs not under a usual name: asked by their exact name, many at once. */
    private void readmes(List<Work> works, Admission admission) {
        List<Ask> asks = new ArrayList<>();
        for (Work w : works) {
            if (w.open() && w.readme == null && w.readmeToAsk != null) {
                asks.add(new Ask(w, w.readmeToAsk));
            }
        }
        if (!asks.isEmpty()) {
            objects(asks, admission, false);
        }
    }

    private record Ask(Work work, String path) {
    }

    /** @return false when the budget refused: the works asked are deferred */
    private boolean objects(List<Ask> asks, Admission admission, boolean trees) {
        for (int from = 0; from < asks.size(); from += limits.batchSize()) {
            List<Ask> chunk = asks.subList(from, Math.min(asks.size(), from + limits.batchSize()));
            if (!admission.mayQuery(ApiResource.GRAPHQL)) {
                asks.subList(from, asks.size()).forEach(a -> {
                    if (a.work.open()) {
                        a.work.end(RepoContents.Outcome.DEFERRED, "budget");
                    }
                });
                return false;
            }
            objectChunk(chunk, trees);
        }
        return true;
    }

    private void objectChunk(List<Ask> chunk, boolean trees) {
        List<SignalsQuery.ObjectAsk> asks = chunk.stream().map(a -> new SignalsQuery.ObjectAsk(a.work.ref, a.path)).toList();
        Answer a = run(SignalsQuery.objects(asks, limits.depth()), chunk.size());
        if (a.split && chunk.size() > 1) {
            int mid = chunk.size() / 2;
            objectChunk(chunk.subList(0, mid), trees);
            objectChunk(chunk.subList(mid, chunk.size()), trees);
            return;
        }
        for (int i = 0; i < chunk.size(); i++) {
            Ask ask = chunk.get(i);
            Work w = ask.work;
            JsonNode object = a.data == null ? null : a.data.path(SignalsQuery.alias(i)).get("object");
            if (trees) {
                if (object != null && object.isObject() && object.has("entries")) {
                    entries(w, object, ask.path + "/");
                } else if (a.data == null) {
                    if (w.open()) {
                        // no answer (after splitting): asked again next run rather than stored partial
                        w.end(RepoContents.Outcome.FAILED, "folder " + ask.path + ": " + a.reason);
                    }
                } else {
                    w.incomplete = true; // GitHub has no such folder now (HEAD moved): the tree is partial
                }
            } else if (object != null && object.isObject() && object.get("text") != null && !object.get("text").isNull()) {
                w.readme = cut(object.get("text").asText());
            } else if (w.open()) {
                // The README is there but could not be read: scoring without it would be wrong.
                w.end(RepoContents.Outcome.FAILED, "README " + ask.path + ": " + (a.data == null ? a.reason : "no text"));
            }
        }
    }

    /** The parsed answer of one query: data and errors by alias, or what went wrong. */
    private record Answer(@Nullable JsonNode data, Map<String, JsonNode> errors, boolean split, String reason) {
    }

    private Answer run(SignalsQuery query, int size) {
        int rateLimitWaits = 0;
        while (true) {
            ApiResponse a;
            try {
                a = transport.execute(GraphQlPost.request(transport.mapper(), graphQlUrl, query.text(), query.variables()), ApiResource.GRAPHQL, SPLIT_ON);
            } catch (CheckFailedException e) {
                // Retried already: a timeout or connection failure that persists; smaller is likelier to pass.
                return new Answer(null, Map.of(), !"rate limited".equals(e.reason()), e.reason());
            }
            if (SPLIT_ON.contains(a.code())) {
                return new Answer(null, Map.of(), true, "HTTP " + a.code());
            }
            JsonNode body = a.json();
            if (a.code() != 200 || body == null) {
                return new Answer(null, Map.of(), false, "unexpected HTTP " + a.code() + " from GraphQL");
            }
            List<JsonNode> errors = new ArrayList<>();
            JsonNode e = body.get("errors");
            if (e != null && e.isArray()) {
                e.forEach(errors::add);
            }
            if (errors.stream().anyMatch(GraphQlPost::rateLimited)) {
                if (++rateLimitWaits > maxRateLimitWaits) {
                    return new Answer(null, Map.of(), false, "rate limited");
                }
                transport.gate().budgetSpent(ApiResource.GRAPHQL, a.resetAt());
                continue;
            }
            if (errors.stream().anyMatch(GitHubSignals::secondaryLimited)) {
                if (++rateLimitWaits > maxRateLimitWaits
                        || !transport.gate().secondaryLimited(a.retryAfter(transport.clock()))) {
                    return new Answer(null, Map.of(), false, "rate limited");
                }
                continue;
            }
            if (errors.stream().anyMatch(GitHubSignals::tooMuch)) {
                return new Answer(null, Map.of(), true, "query too large or too slow ("
                        + ApiResponse.text(errors.stream().filter(GitHubSignals::tooMuch).findFirst().orElseThrow(), "message")
                        + ")");
            }
            JsonNode data = body.get("data");
            if (data == null || !data.isObject()) {
                return new Answer(null, Map.of(), size > 1, "GraphQL answer without data"
                        + (errors.isEmpty() ? "" : ": " + ApiResponse.text(errors.get(0), "message")));
            }
            return new Answer(data, GraphQlPost.byAlias(errors), false, "");
        }
    }

    private static boolean secondaryLimited(JsonNode error) {
        String message = ApiResponse.text(error, "message");
        return message != null && message.toLowerCase(Locale.ROOT).contains("secondary rate");
    }

    /** GitHub stopped the query: over its resource limits, or over its 10 s (a timeout in {@code errors}). */
    private static boolean tooMuch(JsonNode error) {
        if ("RESOURCE_LIMITS_EXCEEDED".equals(ApiResponse.text(error, "type"))) {
            return true;
        }
        String message = ApiResponse.text(error, "message");
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return m.contains("timeout") || m.contains("timed out") || m.contains("couldn't respond to your request in time");
    }

    /** The README GitHub would show: in the root, else in {@code .github/} or {@code docs/}. */
    static @Nullable String readmeName(List<TreeFile> files) {
        for (String dir : List.of("", ".github/", "docs/")) {
            for (TreeFile f : files) {
                String p = f.path();
                if (p.startsWith(dir) && p.indexOf('/', dir.length()) < 0
                        && f.lowerName().matches("readme(\\.[a-z0-9]+)?")) {
                    return p;
                }
            }
        }
        return null;
    }

    private static String cut(String text) {
        return text.length() > MAX_README_CHARS ? text.substring(0, MAX_README_CHARS) : text;
    }

    private static void deferUnanswered(List<Work> works, String why) {
        works.stream().filter(w -> w.open() && !w.answered).forEach(w -> w.end(RepoContents.Outcome.DEFERRED, why));
    }

    private static List<RepoContents> results(List<Work> works) {
        List<RepoContents> out = new ArrayList<>(works.size());
        for (Work w : works) {
            RepoContents.Outcome o = Objects.requireNonNull(w.outcome);
            if (o == RepoContents.Outcome.FOUND) {
                out.add(new RepoContents(o, new FileTree(w.files, w.incomplete), w.readme, w.headOid, ""));
            } else {
                out.add(new RepoContents(o, null, null, w.headOid, w.reason));
            }
        }
        return out;
    }
}
