package org.reprotrack.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.QueueDispatcher;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Software Heritage and Wayback lookups against a local server: answers, limits, timeouts and the cache. */
class ArchiveLookupTest extends ReportTestBase {

    static final String ORIGIN = "https://github.com/Example-Lab/GoneNet";

    @BeforeEach
    void scripted() {
        archives.setDispatcher(new QueueDispatcher());
    }

    static String fixture(String name) {
        try (InputStream in = ArchiveLookupTest.class.getResourceAsStream("/report/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MockResponse json(int code, String fixture) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(fixture(fixture)).build();
    }

    private RecordedRequest taken() throws InterruptedException {
        RecordedRequest r = archives.takeRequest(1, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no request arrived");
        }
        return r;
    }

    @Test
    void archivedOriginHasItsLastSnapshotVisitAndABrowseLink() throws InterruptedException {
        archives.enqueue(json(200, "swh-visit-latest.json"));

        ArchiveCopies a = lookup(null).copies(ORIGIN);

        assertEquals("/api/1/origin/https://github.com/Example-Lab/GoneNet/visit/latest/?require_snapshot=true", taken().getTarget());
        assertEquals(Boolean.TRUE, a.swhArchived());
        assertEquals(Instant.parse("2025-03-14T10:21:52.843298Z"), a.swhLastVisit());
        assertEquals(archives.url("/browse/origin/directory/").newBuilder().addQueryParameter("origin_url", ORIGIN).build().toString(),
                a.swhUrl());
        assertEquals("https://web.archive.org/web/" + ORIGIN, a.waybackUrl());
        assertTrue(a.notes().isEmpty());
    }

    @Test
    void notFoundMeansNotArchived() {
        archives.enqueue(json(404, "swh-not-found.json"));

        ArchiveCopies a = lookup(null).copies(ORIGIN);

        assertEquals(Boolean.FALSE, a.swhArchived());
        assertNull(a.swhUrl());
        assertEquals("https://web.archive.org/web/" + ORIGIN, a.waybackUrl(), "the Wayback link is given anyway");
        assertTrue(a.notes().isEmpty());
    }

    @Test
    void tooManyRequestsWaitsRetryAfterThenAnswers() {
        archives.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").build());
        archives.enqueue(json(200, "swh-visit-latest.json"));

        ArchiveCopies a = lookup(null).copies(ORIGIN);

        assertEquals(Boolean.TRUE, a.swhArchived());
        assertEquals(List.of(Duration.ofSeconds(7)), clock.sleeps);
        assertEquals(2, archives.getRequestCount());
    }

    @Test
    void tooManyRequestsForLongerThanTheLongestWaitLeavesTheFieldEmptyWithANoteAndStopsAsking() {
        archives.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").build());
        ArchiveLookup lookup = lookup(null);

        ArchiveCopies first = lookup.copies(ORIGIN);
        ArchiveCopies second = lookup.copies("https://github.com/Example-Lab/Other");

        assertNull(first.swhArchived());
        assertTrue(first.note().startsWith("Software Heritage: rate limited until 2026-01-10T07:00:00Z"), first.note());
        assertTrue(second.note().contains("not asked"), second.note());
        assertEquals(1, archives.getRequestCount(), "no request while the limit lasts");
        assertTrue(clock.sleeps.isEmpty());
    }

    @Test
    void spentBudgetHoldsTheNextRequestUntilTheReset() {
        long reset = START.plusSeconds(30).getEpochSecond();
        archives.enqueue(json(404, "swh-not-found.json").newBuilder()
                .addHeader("X-RateLimit-Remaining", "0").addHeader("X-RateLimit-Reset", Long.toString(reset)).build());
        archives.enqueue(json(200, "swh-visit-latest.json"));
        ArchiveLookup lookup = lookup(null);

        lookup.copies("https://github.com/Example-Lab/NeverArchived");
        ArchiveCopies a = lookup.copies(ORIGIN);

        assertEquals(List.of(Duration.ofSeconds(30)), clock.sleeps);
        assertEquals(Boolean.TRUE, a.swhArchived());
    }

    @Test
    void timeoutLeavesTheFieldEmptyWithANote() {
        for (int i = 0; i < 2; i++) {
            archives.enqueue(json(200, "swh-visit-latest.json").newBuilder().headersDelay(1, TimeUnit.SECONDS).build());
        }
        HttpUrl base = archives.url("/");
        ArchiveLookup lookup = new ArchiveLookup(store, SoftwareHeritageClient.create(base, client(Duration.ofMillis(200)), clock,
                clock.sleeper(), Duration.ofSeconds(60)), null, HttpUrl.get("https://web.archive.org"), Duration.ofDays(7), clock);

        ArchiveCopies a = lookup.copies(ORIGIN);

        assertNull(a.swhArchived());
        assertEquals(List.of("Software Heritage: no answer (read timeout)"), a.notes());
        assertEquals("https://web.archive.org/web/" + ORIGIN, a.waybackUrl());
        assertTrue(store.cachedArchive(SoftwareHeritageClient.ARCHIVE, ORIGIN).isEmpty(), "a failure is not cached");
    }

    @Test
    void answerIsCachedForAWeekThenAskedAgain() {
        archives.enqueue(json(404, "swh-not-found.json"));
        archives.enqueue(json(200, "swh-visit-latest.json"));
        ArchiveLookup lookup = lookup(null);

        assertEquals(Boolean.FALSE, lookup.copies(ORIGIN).swhArchived());
        clock.advance(Duration.ofDays(6));
        assertEquals(Boolean.FALSE, lookup.copies(ORIGIN).swhArchived());
        assertEquals(1, archives.getRequestCount());
        clock.advance(Duration.ofDays(2));
        assertEquals(Boolean.TRUE, lookup.copies(ORIGIN).swhArchived());
        assertEquals(2, archives.getRequestCount());
    }

    @Test
    void staleAnswerIsShownWithANoteWhenTheArchiveDoesNotAnswer() {
        archives.enqueue(json(200, "swh-visit-latest.json"));
        archives.enqueue(new MockResponse.Builder().code(503).build());
        archives.enqueue(new MockResponse.Builder().code(503).build());
        ArchiveLookup lookup = lookup(null);
        lookup.copies(ORIGIN);
        clock.advance(Duration.ofDays(8));

        ArchiveCopies a = lookup.copies(ORIGIN);

        assertEquals(Boolean.TRUE, a.swhArchived());
        assertTrue(a.note().startsWith("Software Heritage: HTTP 503; showing the answer of 2026-01-10T06:00:00Z"), a.note());
    }

    @Test
    void availabilityApiIsAskedOnlyWhenConfiguredAndAGoodCaptureIsLinked() throws InterruptedException {
        archives.enqueue(json(404, "swh-not-found.json"));
        archives.enqueue(json(200, "wayback-available.json"));
        WaybackClient wayback = WaybackClient.create(archives.url("/"), client(Duration.ofSeconds(2)), clock, clock.sleeper(),
                Duration.ofSeconds(60));

        ArchiveCopies a = lookup(wayback).copies(ORIGIN);

        taken();
        RecordedRequest availability = taken();
        assertEquals("/wayback/available", availability.getUrl().encodedPath());
        assertEquals(ORIGIN, availability.getUrl().queryParameter("url"));
        assertEquals(Boolean.TRUE, a.waybackAvailable());
        assertEquals(Instant.parse("2024-01-02T03:04:05Z"), a.waybackCapturedAt());
        assertEquals("http://web.archive.org/web/20240102030405/https://github.com/Example-Lab/GoneNet", a.waybackCapture());
        assertFalse(a.swhArchived());
    }

    @Test
    void reportIsWrittenEvenWhenTheArchiveTimesOut() throws IOException {
        for (int i = 0; i < 2; i++) {
            archives.enqueue(json(200, "swh-visit-latest.json").newBuilder().headersDelay(1, TimeUnit.SECONDS).build());
        }
        history.paper("2101.00001", "T").repo("Lab/Gone").link("2101.00001", 0, "https://github.com/Lab/Gone", "Lab/Gone", false)
                .state("Lab/Gone", "NOT_FOUND", START, START, null, 404);
        HttpUrl base = archives.url("/");
        ArchiveLookup slow = new ArchiveLookup(store, SoftwareHeritageClient.create(base, client(Duration.ofMillis(200)), clock,
                clock.sleeper(), Duration.ofSeconds(60)), null, HttpUrl.get("https://web.archive.org"), Duration.ofDays(7), clock);

        ReportResult r = new ReportService(store, signals, PROMISE_DAYS, slow, dir, clock)
                .write(new ReportRequest(List.of(ReportFormat.CSV), null, null, null));

        String csv = Files.readString(r.files().get(0));
        assertTrue(csv.contains(",Software Heritage: no answer (read timeout),"), csv);
    }
}
