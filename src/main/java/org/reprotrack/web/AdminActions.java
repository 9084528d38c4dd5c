package org.reprotrack.web;

/**
 * What the admin write routes start: the same services the CLI runs. Each runs on the
 * dashboard's background thread, never on a request thread.
 */
public record AdminActions(Runnable audit, Runnable ingest) {
}
