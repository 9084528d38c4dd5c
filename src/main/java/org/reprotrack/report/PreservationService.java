package org.reprotrack.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.reprotrack.store.ArchiveAnswer;
import org.reprotrack.store.ArchiveStore;
import org.reprotrack.store.ReportStore;
import org.reprotrack.store.SaveRequest;

/**
 * Finds vulnerable code and, when asked to, saves it (issue 16 points 4-5). Asks Software Heritage
 * about live repositories, never asked first and then the oldest answer, skipping answers younger
 * than the cache period; a live repository without a snapshot, or with one older than its last
 * push, is vulnerable. With save code now on, it follows the open save requests and sends new ones
 * for vulnerable repositories of tracked papers. Everything stays within Software Heritage's rate
 * limits: a long wait ends the run, and what is left is done first next time.
 */
public final class PreservationService {

    /** A repository is not sent again this soon after a finished request. */
    static final Duration RESEND_AFTER = Duration.ofDays(30);
    static final int FOLLOW_LIMIT = 200;

    private final ArchiveStore store;
    private final ReportStore cache;
    private final SoftwareHeritageClient swh;
    private final @Nullable SaveCodeNowClient saver;
    private final Duration cacheFor;
    private final Clock clock;

    /** @param saver the save client, or null when {@code archives.save_code_now} is off */
    public PreservationService(ArchiveStore store, ReportStore cache, SoftwareHeritageClient swh, @Nullable SaveCodeNowClient saver,
            Duration cacheFor, Clock clock) {
        this.store = store;
        this.cache = cache;
        this.swh = swh;
        this.saver = saver;
        this.cacheFor = cacheFor;
        this.clock = clock;
    }

    /** What one run did. */
    public record Summary(int asked, int unanswered, int vulnerable, int notAsked, int followed, int archived, int failed,
            int sent, int refused, @Nullable String stoppedBecause) {
    }

    /**
     * @param askLimit live repositories asked about at most
     * @param saveLimit save requests sent at most
     */
    public Summary run(int askLimit, int saveLimit, Consumer<String> progress) {
        int asked = 0;
        int unanswered = 0;
        String stopped = null;
        for (ArchiveStore.LiveRepo repo : store.toAsk(clock.instant().minus(cacheFor), askLimit)) {
            String origin = repo.originUrl();
            try {
                ArchiveAnswer a = swh.latestVisit(origin);
                cache.cacheArchive(a);
                store.saveAnswer(repo.id(), origin, a.fetchedAt(), a.archived(), a.capturedAt());
                asked++;
            } catch (ArchiveUnavailable e) {
                unanswered++;
                if (e.getMessage().contains("rate limit")) {
                    stopped = e.getMessage();
                    break; // the rest is asked first next time
                }
                progress.accept("no answer about " + origin + ": " + e.getMessage());
            }
        }
        progress.accept("asked Software Heritage about " + asked + " live repositories");
        int followed = 0;
        int archived = 0;
        int failed = 0;
        int sent = 0;
        int refused = 0;
        if (saver != null && stopped == null) {
            for (SaveRequest open : store.open(FOLLOW_LIMIT)) {
                try {
                    SaveCodeNowClient.Answer a = saver.follow(java.util.Objects.requireNonNull(open.swhId()));
                    Instant now = clock.instant();
                    store.updateSave(open.id(), a.requestStatus(), a.taskStatus(), a.visitDate(), a.snapshotSwhid(),
                            a.note() == null ? open.note() : a.note(), now, a.done());
                    followed++;
                    if ("succeeded".equals(a.taskStatus())) {
                        archived++;
                        store.saveAnswer(open.repoId(), open.originUrl(), now, true, a.visitDate() == null ? now : a.visitDate());
                    } else if (a.done()) {
                        failed++;
                    }
                } catch (ArchiveUnavailable e) {
                    stopped = e.getMessage();
                    break;
                }
            }
            if (stopped == null) {
                for (ArchiveStore.LiveRepo repo : store.toSave(clock.instant().minus(RESEND_AFTER), saveLimit)) {
                    String origin = repo.originUrl();
                    try {
                        SaveCodeNowClient.Answer a = saver.save(origin);
                        store.addSave(repo.id(), origin, a.id(), clock.instant(), a.requestStatus(), a.taskStatus(), a.note(), a.done());
                        if (a.refused() || "rejected".equals(a.requestStatus())) {
                            refused++;
                            progress.accept("save request for " + origin + " refused: " + a.note());
                        } else {
                            sent++;
                        }
                    } catch (ArchiveUnavailable e) {
                        stopped = e.getMessage();
                        break; // rate limited or down: nothing recorded, sent first next time
                    }
                }
            }
        }
        ArchiveStore.Counts counts = store.counts();
        return new Summary(asked, unanswered, counts.vulnerable(), counts.notAsked(), followed, archived, failed, sent, refused, stopped);
    }
}
