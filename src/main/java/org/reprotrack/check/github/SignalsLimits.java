package org.reprotrack.check.github;

/**
 * How the signals fetch sizes its GraphQL queries and bounds its walks of large trees.
 *
 * @param batchSize repositories per signals query (GitHub stops queries that run over 10 s or
 *     answer too much; a batch that fails so is split and retried, so this is a starting size)
 * @param depth tree levels nested in one query (1: the root's entries); deeper folders are asked
 *     in follow-up queries, many at once
 * @param maxWalkRounds follow-up rounds for deeper folders before the REST tree is asked instead
 * @param maxSubtrees deeper folders asked per repository over GraphQL before the REST tree is asked instead
 * @param maxRestWalks REST tree listings per repository when GitHub truncates the recursive one
 *     (each truncated folder is listed alone and its subfolders walked); beyond it the tree is partial
 */
public record SignalsLimits(int batchSize, int depth, int maxWalkRounds, int maxSubtrees, int maxRestWalks) {

    /** The deepest nesting sent in one query. */
    public static final int MAX_DEPTH = 8;

    /** 50 repositories a query, 4 levels, 3 rounds of 40 folders, 20 REST listings. */
    public static final SignalsLimits DEFAULTS = new SignalsLimits(50, 4, 3, 40, 20);

    public SignalsLimits {
        if (batchSize < 1 || batchSize > GitHubSettings.MAX_BATCH) {
            throw new IllegalArgumentException("signals batch size must be 1.." + GitHubSettings.MAX_BATCH + ": " + batchSize);
        }
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new IllegalArgumentException("signals tree depth must be 1.." + MAX_DEPTH + ": " + depth);
        }
        if (maxWalkRounds < 0 || maxSubtrees < 0 || maxRestWalks < 0) {
            throw new IllegalArgumentException("signals walk bounds must not be negative");
        }
    }
}
