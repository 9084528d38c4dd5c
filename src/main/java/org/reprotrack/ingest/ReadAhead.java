package org.reprotrack.ingest;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.reprotrack.paper.Paper;

/**
 * Reads one input on a second thread while the calling thread writes what was read: parsing, link
 * extraction and hashing (a third of a large ingest) run beside the database writes instead of
 * before each of them. Items pass in chunks through a small bounded queue, so memory stays flat
 * whatever the file's size. A failure on either side stops both and reaches the caller with its
 * own type; the reading thread has always ended when {@link #run} returns.
 *
 * @param <T> what the reading thread makes of each paper
 */
final class ReadAhead<T> {

    /** Reads the input into a sink (a {@link PaperReader} bound to its stream). */
    interface Source {
        void read(RecordSink sink) throws IOException, InputException;
    }

    private static final int CHUNK = 256;
    private static final int CHUNKS_AHEAD = 8;

    /** One hand-over: items, or the end of the input, or what stopped the reader. */
    private record Batch<T>(List<T> items, boolean last, @Nullable Throwable failure) {
    }

    /** Thrown inside the reading thread when the writing side has stopped. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private final BlockingQueue<Batch<T>> queue = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
    private volatile boolean stopped;

    private ReadAhead() {
    }

    /**
     * Reads {@code source} on a new thread, turning each paper into a {@code T} there, and hands
     * every {@code T} to {@code write} on this thread, in input order. Skipped records go to
     * {@code problems}, which the caller may read once this returns or throws.
     *
     * @throws InterruptedIOException when this thread is interrupted while waiting for the reader
     */
    static <T> void run(String name, Source source, Function<Paper, T> prepare, ProblemLog problems, Consumer<T> write)
            throws IOException, InputException {
        ReadAhead<T> pipe = new ReadAhead<>();
        Thread reader = new Thread(() -> pipe.read(source, prepare, problems), "reprotrack-read");
        reader.setDaemon(true);
        reader.start();
        try {
            pipe.drain(name, write);
        } finally {
            pipe.stopped = true;
            joinUninterruptibly(reader);
        }
    }

    private void read(Source source, Function<Paper, T> prepare, ProblemLog problems) {
        Chunker sink = new Chunker(prepare, problems);
        try {
            source.read(sink);
            hand(new Batch<>(sink.chunk, true, null));
        } catch (Stopped e) {
            // the writing side ended first and reports its own reason
        } catch (Throwable e) { // handed over whole: the caller decides what is a user's mistake
            try {
                hand(new Batch<>(sink.chunk, true, e)); // the papers before the failure come first
            } catch (Stopped ignored) {
                // nobody is waiting any more
            }
        }
    }

    /** The reading thread's sink: prepares each paper and hands them over a chunk at a time. */
    private final class Chunker implements RecordSink {
        private final Function<Paper, T> prepare;
        private final ProblemLog problems;
        private List<T> chunk = new ArrayList<>(CHUNK);

        Chunker(Function<Paper, T> prepare, ProblemLog problems) {
            this.prepare = prepare;
            this.problems = problems;
        }

        @Override
        public void accept(Paper paper) {
            if (stopped) {
                throw new Stopped();
            }
            chunk.add(prepare.apply(paper));
            if (chunk.size() == CHUNK) {
                hand(new Batch<>(chunk, false, null));
                chunk = new ArrayList<>(CHUNK);
            }
        }

        @Override
        public void skip(long line, String reason) {
            if (stopped) {
                throw new Stopped();
            }
            problems.add(line, reason);
        }
    }

    private void hand(Batch<T> batch) {
        try {
            while (!queue.offer(batch, 50, TimeUnit.MILLISECONDS)) {
                if (stopped) {
                    throw new Stopped();
                }
            }
        } catch (InterruptedException e) {
            throw new Stopped();
        }
    }

    private void drain(String name, Consumer<T> write) throws IOException, InputException {
        while (true) {
            Batch<T> batch;
            try {
                batch = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("stopped while reading " + name);
            }
            batch.items().forEach(write);
            Throwable failure = batch.failure();
            if (failure != null) {
                rethrow(failure);
            }
            if (batch.last()) {
                return;
            }
        }
    }

    private static void rethrow(Throwable failure) throws IOException, InputException {
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure instanceof InputException e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        throw new IOException(failure);
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
