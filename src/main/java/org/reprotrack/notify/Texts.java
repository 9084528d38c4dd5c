package org.reprotrack.notify;

import org.reprotrack.store.NotifyEvent;

/** The words of an event, shared by feeds and webhook bodies: built from our own statuses and the repository key only. */
final class Texts {

    private Texts() {
    }

    static String headline(NotifyEvent e) {
        return switch (e.kind()) {
            case NotifyEvent.NEWLY_DEAD -> "Code gone: " + e.repoKey() + " is " + e.status()
                    + (e.previousStatus() == null ? "" : " (was " + e.previousStatus() + ")");
            case NotifyEvent.RECOVERED -> "Code back: " + e.repoKey() + " is " + e.status()
                    + (e.previousStatus() == null ? "" : " (was " + e.previousStatus() + ")");
            case NotifyEvent.PROMISE_NOT_KEPT -> "Promise not kept: paper " + e.paperId() + " promised code at " + e.repoKey()
                    + ", still " + e.status();
            default -> e.kind() + ": " + e.repoKey();
        };
    }

    /** Whitespace runs (newlines included) to one space, control characters dropped, at most {@code max} characters. */
    static String oneLine(String s, int max) {
        String t = s.replaceAll("[\\p{Cntrl}&&[^\\n\\r\\t]]", "").replaceAll("\\s+", " ").strip();
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }
}
