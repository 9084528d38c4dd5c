package org.reprotrack.ingest;

/** Hears how an ingest goes, for progress lines. */
public interface IngestListener {

    /** Called every few thousand papers of a file. */
    void progress(String file, long papersRead);

    /** Called when a file is done, committed or rolled back. */
    void fileDone(FileResult result);

    IngestListener SILENT = new IngestListener() {
        @Override
        public void progress(String file, long papersRead) {
        }

        @Override
        public void fileDone(FileResult result) {
        }
    };
}
