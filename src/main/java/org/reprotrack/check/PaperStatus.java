package org.reprotrack.check;

/** Whether a paper still has reachable code (status-model.md, "Status of a paper"). */
public enum PaperStatus {
    /** At least one code link is reachable. */
    HAS_CODE,
    /** It had code links, none is reachable, at least one is confirmed dead. */
    CODE_GONE,
    /** Its repositories exist but hold no code, or a promised repository never appeared. */
    NO_CODE_YET,
    /** No code link in the abstract or comments (other links may exist). */
    NO_CODE_LINK,
    /**
     * No code link, but the abstract or comments promise code, models or data ("Code will be
     * released.", or a link arXiv lost as "this https URL"); its clock runs from the first version.
     */
    PROMISED_NO_LINK,
    /** Code links not yet checked, only UNKNOWN answers, or a death not yet confirmed. */
    PENDING;

    /**
     * The status from what a paper's code links show.
     *
     * @param codeLinks how many code links the paper has
     * @param anyReachable one of their repositories is reachable
     * @param anyNoCodeYet one is empty or a placeholder, or was promised and is missing without ever having been seen
     * @param anyDead one is confirmed dead (not counting promised repositories that never appeared)
     */
    public static PaperStatus of(int codeLinks, boolean anyReachable, boolean anyNoCodeYet, boolean anyDead) {
        return of(codeLinks, anyReachable, anyNoCodeYet, anyDead, false);
    }

    /**
     * The status from what a paper's code links show, and whether the paper promises code.
     *
     * @param promised the paper promises code, models or data (paper.promised): without a code link it is PROMISED_NO_LINK
     */
    public static PaperStatus of(int codeLinks, boolean anyReachable, boolean anyNoCodeYet, boolean anyDead, boolean promised) {
        if (codeLinks == 0) {
            return promised ? PROMISED_NO_LINK : NO_CODE_LINK;
        }
        if (anyReachable) {
            return HAS_CODE;
        }
        if (anyNoCodeYet) {
            return NO_CODE_YET;
        }
        return anyDead ? CODE_GONE : PENDING;
    }
}
