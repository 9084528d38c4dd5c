package org.reprotrack.ingest;

/**
 * A problem that makes a whole input unreadable (binary data, malformed XML, an empty file given
 * where content is required). Problems confined to one record are not exceptions: readers report
 * them through {@link RecordSink#skip} and go on.
 */
public final class InputException extends Exception {

    private final long line;
    private final String reason;

    /**
     * @param line the 1-based line where the problem was found, 0 if unknown
     * @param reason what is wrong, in words a user understands (no stack trace, no class names)
     */
    public InputException(long line, String reason) {
        super(line > 0 ? "line " + line + ": " + reason : reason);
        this.line = line;
        this.reason = reason;
    }

    /** The 1-based line of the problem, 0 if unknown. */
    public long line() {
        return line;
    }

    /** The problem without the line prefix. */
    public String reason() {
        return reason;
    }
}
