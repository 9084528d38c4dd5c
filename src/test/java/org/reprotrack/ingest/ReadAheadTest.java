package org.reprotrack.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.reprotrack.paper.Paper;

/** Reading on a second thread: order, skipped records and failures on either side, and the reader always ends. */
class ReadAheadTest {

    private final ProblemLog problems = new ProblemLog(10);

    private static Paper paper(int n) {
        return Paper.ofText(String.format("2101.%05d", n), 1, "abstract " + n, null);
    }

    @Test
    void every_paper_reaches_the_writer_in_input_order_prepared_on_the_reading_thread() throws Exception {
        List<String> written = new ArrayList<>();
        Set<String> preparedOn = ConcurrentHashMap.newKeySet();
        String caller = Thread.currentThread().getName();
        ReadAhead.run("f", sink -> {
            for (int i = 0; i < 5_000; i++) {
                sink.accept(paper(i));
            }
        }, p -> {
            preparedOn.add(Thread.currentThread().getName());
            return p.id();
        }, problems, written::add);

        assertEquals(5_000, written.size());
        for (int i = 0; i < 5_000; i++) {
            assertEquals(paper(i).id(), written.get(i));
        }
        assertEquals(Set.of("reprotrack-read"), preparedOn);
        assertNotEquals("reprotrack-read", caller);
    }

    @Test
    void skipped_records_are_logged_and_an_empty_input_writes_nothing() throws Exception {
        List<Paper> written = new ArrayList<>();
        ReadAhead.run("f", sink -> sink.skip(3, "not JSON"), p -> p, problems, written::add);

        assertTrue(written.isEmpty());
        assertEquals(1, problems.count());
        assertEquals("line 3: not JSON", problems.kept().get(0).toString());
    }

    @Test
    void a_reading_failure_reaches_the_caller_with_its_type_after_the_papers_before_it() {
        List<Paper> written = new ArrayList<>();
        InputException e = assertThrows(InputException.class, () -> ReadAhead.run("f", sink -> {
            for (int i = 0; i < 600; i++) {
                sink.accept(paper(i));
            }
            throw new InputException(601, "binary data");
        }, p -> p, problems, written::add));

        assertEquals(601, e.line());
        assertEquals(600, written.size());
        assertThrows(IOException.class, () -> ReadAhead.run("f", sink -> {
            throw new IOException("disk gone");
        }, p -> p, problems, written::add));
    }

    @Test
    void a_writing_failure_stops_the_reader_of_an_endless_input() {
        AtomicBoolean readerEnded = new AtomicBoolean();
        IllegalStateException failure = new IllegalStateException("database full");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> ReadAhead.run("f", sink -> {
            try {
                for (int i = 0; ; i++) {
                    sink.accept(paper(i % 100_000));
                }
            } finally {
                readerEnded.set(true);
            }
        }, p -> p, problems, p -> {
            throw failure;
        }));

        assertSame(failure, thrown);
        assertTrue(readerEnded.get(), "the reading thread ended before run returned");
    }

    @Test
    void an_interrupted_caller_stops_with_an_io_error_and_keeps_its_interrupt() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        AtomicBoolean readerEnded = new AtomicBoolean();
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                ReadAhead.run("slow.txt", sink -> {
                    try {
                        reading.countDown();
                        while (true) {
                            sink.skip(1, "waiting"); // a reader that never hands a paper over
                            Thread.sleep(5);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        readerEnded.set(true);
                    }
                }, p -> p, problems, p -> { });
            } catch (Throwable e) {
                outcome.set(e);
            }
            if (Thread.currentThread().isInterrupted()) {
                outcome.set(new AssertionError("interrupt kept", outcome.get()));
            }
        });
        caller.start();
        assertTrue(reading.await(10, TimeUnit.SECONDS));
        caller.interrupt();
        caller.join(10_000);

        assertFalse(caller.isAlive());
        Throwable e = outcome.get();
        assertTrue(e instanceof AssertionError && e.getCause() instanceof InterruptedIOException, String.valueOf(e));
        assertEquals("stopped while reading slow.txt", e.getCause().getMessage());
    }
}
