package org.reprotrack.check.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprotrack.check.CheckResult;
import org.reprotrack.check.KnownState;
import org.reprotrack.check.RepoMetadata;
import org.reprotrack.links.CodeHost;
import org.reprotrack.links.RepoRef;

/**
 * The commit at publication (issue 16): the head commit comes with every GraphQL check, and a
 * recorded commit the head moved away from is asked about in the same batched query.
 */
class GraphQlPinnedCommitTest extends GitHubTestBase {

    static final String PUBLISHED = "0123456789abcdef0123456789abcdef01234567";
    static final String HEAD = "89abcdef0123456789abcdef0123456789abcdef";

    private final GraphQlAnswers graphQl = new GraphQlAnswers(routes, clock);

    private static KnownState known(String path, String lastHead, String pinned) {
        RepoMetadata last = new RepoMetadata(1, 1, 1, false, false, false, null, null, "main", null, null, null, null, List.of(), null,
                lastHead, null, null);
        return new KnownState(new RepoRef(CodeHost.GITHUB, path), null, 1000L, last, null, pinned);
    }

    /** r0 found with head HEAD; its pinned answer is {@code pinned} (a JSON null: gone) when asked. */
    private static GraphQlAnswers.Answer answer(boolean pinnedResolves) {
        return payload -> {
            ObjectNode data = GraphQlAnswers.MAPPER.createObjectNode();
            for (int i = 0; payload.get("variables").has("o" + i); i++) {
                ObjectNode r = GraphQlAnswers.repo(1000, GraphQlAnswers.owner(payload, i) + "/" + GraphQlAnswers.name(payload, i));
                ((ObjectNode) r.get("defaultBranchRef")).putObject("target").put("oid", HEAD);
                if (payload.get("variables").has("c" + i)) {
                    if (pinnedResolves) {
                        r.putObject("pinned").put("oid", payload.get("variables").get("c" + i).asText());
                    } else {
                        r.putNull("pinned");
                    }
                }
                data.set("r" + i, r);
            }
            return GraphQlAnswers.answer(data);
        };
    }

    @Test
    void everyCheckRecordsTheHeadCommitFromTheQueryItAlreadySends() {
        graphQl.then(answer(true));
        GitHubChecker github = github();
        server.setDispatcher(graphQl);
        CheckResult r = github.check(List.of(fresh("lab/alpha"))).get(0);
        assertEquals(HEAD, r.metadata().headCommit());
        assertNull(r.metadata().askedCommit(), "nothing recorded yet: nothing asked");
        String query = graphQl.payloads.get(0).get("query").asText();
        assertTrue(query.contains("defaultBranchRef { name target { oid } }"), query);
        assertFalse(query.contains("object(oid"), query);
        assertEquals(1, server.getRequestCount(), "no extra request");
    }

    @Test
    void aCommitTheHeadMovedAwayFromIsAskedInTheSameQueryAndANullAnswerMeansGone() {
        graphQl.then(answer(false));
        GitHubChecker github = github();
        server.setDispatcher(graphQl);
        List<CheckResult> results = github.check(List.of(
                known("lab/moved", "ffffffffffffffffffffffffffffffffffffffff", PUBLISHED),
                known("lab/same", PUBLISHED, PUBLISHED),
                known("lab/odd", "ffffffffffffffffffffffffffffffffffffffff", "not-a-commit\") { x }")));

        JsonNode payload = graphQl.payloads.get(0);
        String query = payload.get("query").asText();
        assertTrue(query.contains("r0: repository(owner: $o0, name: $n0) { ...RepoCheck pinned: object(oid: $c0) { oid } }"), query);
        assertTrue(query.contains("$c0: GitObjectID!"), query);
        assertEquals(PUBLISHED, payload.get("variables").get("c0").asText(), "the id travels as a variable");
        assertFalse(payload.get("variables").has("c1"), "the head is still the published commit: nothing to ask");
        assertFalse(payload.get("variables").has("c2"), "not an object id: never sent");
        assertEquals(1, server.getRequestCount());

        RepoMetadata moved = results.get(0).metadata();
        assertEquals(PUBLISHED, moved.askedCommit());
        assertEquals(Boolean.FALSE, moved.askedCommitFound());
        assertNull(results.get(1).metadata().askedCommitFound());
    }

    @Test
    void aCommitThatStillResolvesIsFound() {
        graphQl.then(answer(true));
        GitHubChecker github = github();
        server.setDispatcher(graphQl);
        CheckResult r = github.check(List.of(known("lab/moved", "ffffffffffffffffffffffffffffffffffffffff", PUBLISHED))).get(0);
        assertEquals(Boolean.TRUE, r.metadata().askedCommitFound());
        assertEquals(HEAD, r.metadata().headCommit());
    }
}
