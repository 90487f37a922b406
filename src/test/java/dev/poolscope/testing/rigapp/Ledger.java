package dev.poolscope.testing.rigapp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** What the rig application did, recorded as it did it (thread-safe). The truth is built from this alone. */
public final class Ledger {
    /** One successful borrow. {@code returnedAt} stays null for a connection never closed. */
    public static final class Borrow {
        public final Request request;
        public final String thread;
        public final String connection;
        public final StackTraceElement origin;
        public final List<String> stack;
        public final Instant borrowedAt;
        private volatile Instant returnedAt;

        Borrow(Request request, String thread, String connection, StackTraceElement origin, List<String> stack,
                Instant borrowedAt) {
            this.request = request;
            this.thread = thread;
            this.connection = connection;
            this.origin = origin;
            this.stack = stack;
            this.borrowedAt = borrowedAt;
        }

        public Instant returnedAt() {
            return returnedAt;
        }

        void returned(Instant at) {
            returnedAt = at;
        }
    }

    /** One borrow that failed with HikariCP's connection timeout. */
    public record Timeout(Request request, String thread, Instant at, String message) {}

    /** One request as the dispatcher served it. */
    public record Served(Request request, String thread, Instant startedAt, Instant endedAt, int status) {}

    private final List<Borrow> borrows = new ArrayList<>();
    private final List<Timeout> timeouts = new ArrayList<>();
    private final List<Served> served = new ArrayList<>();
    private final AtomicInteger maxActive = new AtomicInteger();
    private final AtomicInteger maxWaiting = new AtomicInteger();
    private volatile String helperFrame;

    synchronized Borrow borrowed(Request request, String connection, StackTraceElement origin, List<String> stack,
            Instant at) {
        Borrow b = new Borrow(request, Thread.currentThread().getName(), connection, origin, stack, at);
        borrows.add(b);
        return b;
    }

    synchronized void timedOut(Request request, Instant at, String message) {
        timeouts.add(new Timeout(request, Thread.currentThread().getName(), at, message));
    }

    synchronized void served(Request request, Instant startedAt, Instant endedAt, int status) {
        served.add(new Served(request, Thread.currentThread().getName(), startedAt, endedAt, status));
    }

    void helperFrame(StackTraceElement frame) {
        helperFrame = frame.toString();
    }

    /** Pool usage as {@code HikariPoolMXBean} reported it at one moment. */
    public void sampled(int active, int waiting) {
        maxActive.accumulateAndGet(active, Math::max);
        maxWaiting.accumulateAndGet(waiting, Math::max);
    }

    public synchronized List<Borrow> borrows() {
        return List.copyOf(borrows);
    }

    public synchronized List<Timeout> timeouts() {
        return List.copyOf(timeouts);
    }

    public synchronized List<Served> served() {
        return List.copyOf(served);
    }

    public int maxActive() {
        return maxActive.get();
    }

    public int maxWaiting() {
        return maxWaiting.get();
    }

    /** The frame of {@link Db#acquire()} that every borrow passes through, as a stack trace prints it. */
    public String helperFrame() {
        return helperFrame;
    }
}
