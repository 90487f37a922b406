package dev.poolscope.cli;

import dev.poolscope.analysis.InputTally;
import dev.poolscope.event.EventDecoder;
import dev.poolscope.event.LineSalvage;
import dev.poolscope.event.PoolEvent;
import dev.poolscope.io.LineConsumer;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Decodes batches of lines on worker threads while the reading thread goes on, then replays the decoded
 * batches in input order into the single-pass analysis (the sink). The analysis sees exactly the sequence of
 * calls of a sequential run, so results are identical whatever the number of threads.
 * The reading thread never waits idle for a worker: while the oldest batch is still being decoded it
 * decodes a later one itself, so on two cores both stay busy whichever of reading, decoding and
 * analysing costs most. Memory is bounded by the batches in flight.
 */
final class ParallelFeed implements LineConsumer {
    private final ExecutorService workers;
    private final ThreadLocal<EventDecoder> decoders;
    private final Consumer<PoolEvent> sink;
    private final InputTally tally;
    private final LineSalvage salvage;
    private final int inFlight;
    private final ArrayDeque<Decoding> pending = new ArrayDeque<>();
    private final ArrayDeque<LineBatch> spare = new ArrayDeque<>();
    private LineBatch batch;
    private String source;
    private String defaultProcess;

    /** {@code salvage} runs on the reading thread: rejected lines are rare and their second look is ordered. */
    ParallelFeed(ExecutorService pool, int workers, Supplier<EventDecoder> decoders, Consumer<PoolEvent> sink,
                 InputTally tally, LineSalvage salvage) {
        this.workers = pool;
        this.decoders = ThreadLocal.withInitial(decoders);
        this.sink = sink;
        this.tally = tally;
        this.salvage = salvage;
        this.inFlight = 4 * (workers + 1);
    }

    /** Lines that follow belong to this input; {@code defaultProcess} as in {@link EventDecoder#defaultProcess}. */
    void source(String name, String defaultProcess) throws InterruptedException {
        submit();
        source = name;
        this.defaultProcess = defaultProcess;
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

    /** Decodes what is left and replays everything; after this the analysis has seen every line. */
    void finish() throws InterruptedException {
        submit();
        while (!pending.isEmpty()) {
            replay(next());
        }
    }

    private LineBatch current() {
        if (batch == null) {
            batch = spare.isEmpty() ? new LineBatch() : spare.poll();
            batch.reset(source, defaultProcess);
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
        LineBatch full = batch;
        batch = null;
        Decoding task = new Decoding(() -> full.decode(decoders.get()));
        pending.add(task);
        workers.execute(task);
        while (pending.size() >= inFlight) {
            replay(next());
        }
    }

    private LineBatch next() throws InterruptedException {
        Decoding head = pending.poll();
        head.run();   // no worker has taken it yet: decode it here rather than wait
        while (!head.isDone() && helpWithLater()) {
            // the worker is on the oldest batch; a later one is decoded here meanwhile
        }
        try {
            return head.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            } else if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Decodes the latest batch no thread has taken yet; false when there is none. */
    private boolean helpWithLater() {
        for (Iterator<Decoding> it = pending.descendingIterator(); it.hasNext(); ) {
            Decoding d = it.next();
            if (d.claim()) {
                d.decodeClaimed();
                return true;
            }
        }
        return false;
    }

    /** A batch's decoding, run by whichever thread claims it first; the others skip it. */
    private static final class Decoding extends FutureTask<LineBatch> {
        private final AtomicBoolean claimed = new AtomicBoolean();

        Decoding(Callable<LineBatch> work) {
            super(work);
        }

        boolean claim() {
            return claimed.compareAndSet(false, true);
        }

        void decodeClaimed() {
            super.run();
        }

        @Override
        public void run() {
            if (claim()) {
                super.run();
            }
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
                Pipeline.salvage(salvage, b.data, b.offsets[i], b.lengths[i], b.source, b.lineNumbers[i], (String) r,
                        sink, tally);
            }
        }
        spare.add(b);
    }
}
