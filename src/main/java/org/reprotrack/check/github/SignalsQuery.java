package org.reprotrack.check.github;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprotrack.links.RepoRef;

/**
 * The GraphQL queries of the reproducibility signals, apart from the verdict query: many
 * repositories per query, each aliased {@code r<i>}, owner and name (and any path) passed as
 * variables so no name is spliced into the text.
 *
 * <p>A repository query asks for {@code isEmpty}, the HEAD commit, the root tree with its entries
 * nested {@code depth} levels deep ({@code object(expression: "HEAD:")}, {@code Tree.entries} is
 * not a connection, so the query costs one point however many entries come back), and the text of
 * the README under its usual names. An object query asks for named objects ({@code HEAD:<path>}):
 * a subtree deeper than the nesting, or a README under another name.
 *
 * @param text the query document
 * @param variables the variables, by name
 */
record SignalsQuery(String text, Map<String, Object> variables) {

    /** The README names asked with every repository; any other name is asked in a follow-up. */
    static final List<String> README_NAMES = List.of("README.md", "README.rst", "README", "readme.md", "Readme.md",
            "README.txt", "README.markdown");

    static String alias(int i) {
        return "r" + i;
    }

    static String readmeAlias(int k) {
        return "m" + k;
    }

    /** The query for these repositories, trees nested {@code depth} levels (1: the root's entries only). */
    static SignalsQuery repositories(List<RepoRef> refs, int depth) {
        check(refs.size(), depth);
        StringBuilder params = new StringBuilder();
        StringBuilder body = new StringBuilder();
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int i = 0; i < refs.size(); i++) {
            if (i > 0) {
                params.append(", ");
            }
            params.append("$o").append(i).append(": String!, $n").append(i).append(": String!");
            body.append("  ").append(alias(i)).append(": repository(owner: $o").append(i).append(", name: $n").append(i)
                    .append(") { ...Contents }\n");
            variables.put("o" + i, refs.get(i).owner());
            variables.put("n" + i, refs.get(i).name());
        }
        StringBuilder contents = new StringBuilder("fragment Contents on Repository {\n")
                .append("  isEmpty\n  defaultBranchRef { target { oid } }\n")
                .append("  tree: object(expression: \"HEAD:\") { ...Level1 }\n");
        for (int k = 0; k < README_NAMES.size(); k++) {
            contents.append("  ").append(readmeAlias(k)).append(": object(expression: \"HEAD:")
                    .append(README_NAMES.get(k)).append("\") { ...Text }\n");
        }
        contents.append("}\n");
        return new SignalsQuery("query Signals(" + params + ") {\n" + body + "  rateLimit { cost remaining resetAt }\n}\n"
                + contents + fragments(depth), variables);
    }

    /**
     * One object per ask, {@code r<i>: repository(...) { object(expression: $e<i>) }}: a tree comes
     * with its entries nested {@code depth} levels, a blob with its text.
     */
    static SignalsQuery objects(List<ObjectAsk> asks, int depth) {
        check(asks.size(), depth);
        StringBuilder params = new StringBuilder();
        StringBuilder body = new StringBuilder();
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int i = 0; i < asks.size(); i++) {
            ObjectAsk a = asks.get(i);
            if (i > 0) {
                params.append(", ");
            }
            params.append("$o").append(i).append(": String!, $n").append(i).append(": String!, $e").append(i)
                    .append(": String!");
            body.append("  ").append(alias(i)).append(": repository(owner: $o").append(i).append(", name: $n").append(i)
                    .append(") { object(expression: $e").append(i).append(") { ...Level1 ...Text } }\n");
            variables.put("o" + i, a.ref().owner());
            variables.put("n" + i, a.ref().name());
            variables.put("e" + i, "HEAD:" + a.path());
        }
        return new SignalsQuery("query SignalObjects(" + params + ") {\n" + body
                + "  rateLimit { cost remaining resetAt }\n}\n" + fragments(depth), variables);
    }

    /** Fragments cannot recurse: one per level, the last without {@code object}. */
    private static String fragments(int depth) {
        StringBuilder f = new StringBuilder("fragment Text on Blob { text byteSize isTruncated isBinary }\n");
        for (int level = 1; level <= depth; level++) {
            f.append("fragment Level").append(level).append(" on Tree { entries { name type size");
            if (level < depth) {
                f.append(" object { ...Level").append(level + 1).append(" }");
            }
            f.append(" } }\n");
        }
        return f.toString();
    }

    private static void check(int size, int depth) {
        if (size < 1 || size > GitHubSettings.MAX_BATCH) {
            throw new IllegalArgumentException("a signals batch holds 1.." + GitHubSettings.MAX_BATCH + ": " + size);
        }
        if (depth < 1 || depth > SignalsLimits.MAX_DEPTH) {
            throw new IllegalArgumentException("tree depth must be 1.." + SignalsLimits.MAX_DEPTH + ": " + depth);
        }
    }

    /**
     * One object to ask for.
     *
     * @param ref the repository
     * @param path the path from the root, without a leading slash
     */
    record ObjectAsk(RepoRef ref, String path) {
    }
}
