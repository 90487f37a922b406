package dev.poolscope.feed;

import dev.poolscope.analysis.InputTally;
import dev.poolscope.event.EventDecoder;
import dev.poolscope.event.LineSalvage;
import dev.poolscope.event.PoolEvent;
import dev.poolscope.io.LineConsumer;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Decodes batches of lines on several threads and replays them in input order into the single-pass
 * analysis (the sink), which sees exactly the calls of a sequential run: results are identical whatever
 * the number of threads.
 *
 * <p>Whichever thread finishes decoding the oldest batch replays it, and any later ones already decoded,
 * under one lock: the events are analysed by the core that just made them, while they are still in its
 * cache (handing them to one analysing thread cost more in cache misses than the analysis itself). The
 * reading thread decodes too, so on two cores neither waits for the other. Memory is bounded by the
 * batches in flight.
 */
final class ParallelFeed implements LineConsumer {
    private final Executor workers;
    private final ThreadLocal<Decoders> decoders;
    private final Consumer<PoolEvent> sink;
    private final InputTally tally;
    private final LineSalvage salvage;
    private final LineSalvage librarySalvage;
    private final int inFlight;
    /** Submitted and not yet replayed, in input order; guarded by its own monitor. */
    private final ArrayDeque<Decoding> pending = new ArrayDeque<>();
    private final ReentrantLock analysing = new ReentrantLock();
    private final ConcurrentLinkedQueue<LineBatch> spare = new ConcurrentLinkedQueue<>();
    /** The first failure of any thread, rethrown to the reader as it was (an out-of-memory stays one). */
    private volatile Throwable failure;
    private LineBatch batch;
    private String source;
    private String defaultProcess;
    private boolean structlog = true;

    /**
     * {@code salvage} runs under the analysis lock: rejected lines are rare and their second look is ordered;
     * {@code librarySalvage} is the one of inputs read by the library-dialect decoder.
     */
    ParallelFeed(Executor pool, int workers, Supplier<Decoders> decoders, Consumer<PoolEvent> sink,
                 InputTally tally, LineSalvage salvage, LineSalvage librarySalvage) {
        this.workers = pool;
        this.decoders = ThreadLocal.withInitial(decoders);
        this.sink = sink;
        this.tally = tally;
        this.salvage = salvage;
        this.librarySalvage = librarySalvage;
        this.inFlight = 4 * (workers + 1);
    }

    /**
     * Lines that follow belong to this input; {@code defaultProcess} as in {@link EventDecoder#defaultProcess};
     * {@code structlogPath} chooses the decoder (issue #16).
     */
    void source(String name, String defaultProcess, boolean structlogPath) throws InterruptedException {
        submit();
        source = name;
        this.defaultProcess = defaultProcess;
        this.structlog = structlogPath;
    }

    @Override
    public void line(byte[] buf, int off, int len, long lineNumber) {
        if (batch != null && batch.isFull(len)) {
            submitUnchecked();
        }
        current().add(buf, off, len, lineNumber);
    }

    @Override
    public void overlong(long lineNumber, long length) {
        if (batch != null && batch.isFull(0)) {
            submitUnchecked();
        }
        current().addOverlong(lineNumber, length);
    }

    /** Decodes and replays everything submitted; after this the analysis has seen every line. */
    void finish() throws InterruptedException {
        submit();
        waitUntilAtMost(0);
        analysing.lock();   // what the last replaying thread did happens-before the caller's next step
        analysing.unlock();
        rethrow();
    }

    private LineBatch current() {
        if (batch == null) {
            LineBatch b = spare.poll();
            batch = b == null ? new LineBatch() : b;
            batch.reset(source, defaultProcess, structlog);
        }
        return batch;
    }

    private void submitUnchecked() {
        try {
            submit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        }
    }

    private void submit() throws InterruptedException {
        if (batch == null || batch.isEmpty()) {
            return;
        }
        Decoding task = new Decoding(batch);
        batch = null;
        synchronized (pending) {
            pending.add(task);
        }
        workers.execute(task);
        waitUntilAtMost(inFlight - 1);
    }

    /** Helps decode, then waits, until at most {@code n} batches are left to replay. */
    private void waitUntilAtMost(int n) throws InterruptedException {
        while (true) {
            rethrow();
            synchronized (pending) {
                if (pending.size() <= n) {
                    return;
                }
            }
            Decoding unclaimed = latestUnclaimed();
            if (unclaimed != null) {
                unclaimed.decodeAndReplay();
            } else {
                synchronized (pending) {
                    if (pending.size() > n) {
                        pending.wait(1);   // a worker is decoding the rest; it notifies after each replay
                    }
                }
            }
        }
    }

    /** The latest batch no thread has started on, claimed for the caller; null when there is none. */
    private Decoding latestUnclaimed() {
        synchronized (pending) {
            for (Iterator<Decoding> it = pending.descendingIterator(); it.hasNext(); ) {
                Decoding d = it.next();
                if (d.claim()) {
                    return d;
                }
            }
        }
        return null;
    }

    /** Replays the decoded batches at the head of the queue, unless another thread is already doing so. */
    private void replayReady() {
        do {
            if (!analysing.tryLock()) {
                return;   // the holder rechecks the head after unlocking, so this batch is not forgotten
            }
            try {
                Decoding head;
                while ((head = decodedHead(true)) != null) {
                    replay(head.batch);
                }
            } catch (RuntimeException | Error e) {
                fail(e);
            } finally {
                analysing.unlock();
                synchronized (pending) {
                    pending.notifyAll();
                }
            }
        } while (failure == null && decodedHead(false) != null);
    }

    private Decoding decodedHead(boolean take) {
        synchronized (pending) {
            Decoding head = pending.peek();
            if (head == null || !head.done) {
                return null;
            }
            return take ? pending.poll() : head;
        }
    }

    private void fail(Throwable e) {
        if (failure == null) {
            failure = e;
        }
    }

    private void rethrow() {
        Throwable f = failure;
        if (f instanceof RuntimeException r) {
            throw r;
        } else if (f instanceof Error e) {
            throw e;
        }
    }

    /** A batch's decoding, done by whichever thread claims it first; that thread then replays what is ready. */
    private final class Decoding implements Runnable {
        private final LineBatch batch;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private volatile boolean done;

        Decoding(LineBatch batch) {
            this.batch = batch;
        }

        boolean claim() {
            return claimed.compareAndSet(false, true);
        }

        @Override
        public void run() {
            if (claim()) {
                decodeAndReplay();
            }
        }

        /** Only by the thread that claimed it. A failed batch never counts as decoded: the reader rethrows. */
        void decodeAndReplay() {
            try {
                batch.decode(decoders.get().pick(batch.structlog));
            } catch (RuntimeException | Error e) {
                fail(e);
                return;
            }
            done = true;
            replayReady();
        }
    }

    /** The same calls, in the same order, as Pipeline's sequential feeder makes. */
    private void replay(LineBatch b) {
        for (int i = 0; i < b.count; i++) {
            tally.line();
            Object r = b.results[i];
            PoolEvent e = b.event(i);
            if (e != null) {
                sink.accept(e);
            } else if (r == LineBatch.BLANK) {
                tally.blank();
            } else if (r instanceof Long length) {
                tally.malformed(b.source, b.lineNumbers[i], Pipeline.overlongReason(length));
            } else {
                Pipeline.salvage(b.structlog ? salvage : librarySalvage, b.data, b.offsets[i], b.lengths[i], b.source, b.lineNumbers[i], (String) r,
                        sink, tally);
            }
        }
        spare.add(b);
    }
}
