package org.reprotrack.store;

import org.reprotrack.check.RepoState;

/** A web page (an other link) picked for a plain-HTTP check, with its audit state. */
public record DuePage(long id, String url, RepoState state) {
}
