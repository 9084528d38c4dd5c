package org.reprotrack.report;

/** The archive facts of a row in words, for the people-facing formats. */
final class ArchiveText {
    private ArchiveText() {
    }

    /** {@code archived, last visit 2025-03-01}, {@code not archived}, {@code unknown} (no answer, see the note) or {@code not looked up}. */
    static String softwareHeritage(ArchiveCopies a) {
        if (a.swhArchived() == null) {
            return a.notes().isEmpty() ? "not looked up" : "unknown";
        }
        if (!a.swhArchived()) {
            return "not archived";
        }
        return a.swhLastVisit() == null ? "archived" : "archived, last visit " + Times.day(a.swhLastVisit());
    }

    /** The availability API's finding, empty when it was not asked. */
    static String wayback(ArchiveCopies a) {
        if (a.waybackAvailable() == null) {
            return "";
        }
        return a.waybackAvailable() ? "capture " + Times.day(a.waybackCapturedAt()) : "no capture found";
    }
}
