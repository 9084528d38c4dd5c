package org.reprotrack.check.github;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprotrack.links.RepoRef;

/**
 * One batch query: alias {@code r<i>} for the i-th repository, its owner and name passed as the
 * variables {@code o<i>} and {@code n<i>}, so no repository name is ever spliced into the query text.
 *
 * @param text the query document
 * @param variables the variables, by name
 */
record GraphQlQuery(String text, Map<String, Object> variables) {

    /** The fields we read; connection-light so that a batch of 100 costs a point or two. */
    static final String FRAGMENT = """
            fragment RepoCheck on Repository {
              databaseId nameWithOwner isArchived isDisabled isEmpty isFork isPrivate
              stargazerCount forkCount pushedAt createdAt updatedAt description homepageUrl
              primaryLanguage { name }
              licenseInfo { spdxId }
              defaultBranchRef { name target { oid } }
              repositoryTopics(first: 20) { nodes { topic { name } } }
              issues(states: OPEN) { totalCount }
            }
            """;

    static String alias(int i) {
        return "r" + i;
    }

    /** The query for these repositories; each path must be {@code owner/name}. */
    static GraphQlQuery of(List<RepoRef> refs) {
        return of(refs, java.util.Collections.nCopies(refs.size(), null));
    }

    /** The alias, inside a repository's alias, of the answer about its recorded commit. */
    static final String PINNED = "pinned";

    /**
     * The query for these repositories, asking for each non-null {@code commits[i]} (a 40-hex
     * object id) whether it still resolves in repository i: {@code pinned: object(oid: $c<i>)},
     * null when the commit is gone (issue 16). No extra cost: a single object is not a connection.
     */
    static GraphQlQuery of(List<RepoRef> refs, List<? extends @org.jspecify.annotations.Nullable String> commits) {
        if (refs.isEmpty() || refs.size() > GitHubSettings.MAX_BATCH) {
            throw new IllegalArgumentException("a batch holds 1.." + GitHubSettings.MAX_BATCH + " repositories: "
                    + refs.size());
        }
        StringBuilder params = new StringBuilder();
        StringBuilder body = new StringBuilder();
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int i = 0; i < refs.size(); i++) {
            RepoRef ref = refs.get(i);
            if (i > 0) {
                params.append(", ");
            }
            params.append("$o").append(i).append(": String!, $n").append(i).append(": String!");
            String commit = commits.get(i);
            String pinned = "";
            if (commit != null) {
                params.append(", $c").append(i).append(": GitObjectID!");
                pinned = " " + PINNED + ": object(oid: $c" + i + ") { oid }";
                variables.put("c" + i, commit);
            }
            body.append("  ").append(alias(i)).append(": repository(owner: $o").append(i)
                    .append(", name: $n").append(i).append(") { ...RepoCheck").append(pinned).append(" }\n");
            variables.put("o" + i, ref.owner());
            variables.put("n" + i, ref.name());
        }
        String text = "query Batch(" + params + ") {\n" + body
                + "  rateLimit { cost remaining resetAt }\n}\n" + FRAGMENT;
        return new GraphQlQuery(text, variables);
    }
}
