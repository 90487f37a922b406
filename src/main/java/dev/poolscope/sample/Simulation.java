package dev.poolscope.sample;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import java.util.random.RandomGenerator;

/**
 * The discrete-event loop: a time-ordered queue of actions (ties broken by insertion order, so a
 * run is a pure function of its config), request arrivals, background jobs and worker processes.
 */
final class Simulation {
    private record Step(long at, long seq, LongConsumer action) {}

    final GeneratorConfig cfg;
    final Profile profile;
    final RandomGenerator rng;
    final Events events;
    final long start;
    private final LineWriter writer;
    private final TruthRecorder truth = new TruthRecorder();
    private final PriorityQueue<Step> queue = new PriorityQueue<>(256,
            (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private final List<Pool> pools = new ArrayList<>();
    private long seq;
    private long arrivals;
    private long timeouts;
    private boolean stopped;
    private int nextPid = 26680;
    private int poolsCreated;

    Simulation(GeneratorConfig cfg, OutputStream out) {
        this.cfg = cfg;
        this.profile = Profile.of(cfg.scenario());
        this.rng = new SplittableRandom(cfg.seed());
        this.start = Timestamps.micros(cfg.start());
        this.writer = new LineWriter(out);
        this.events = new Events(writer, truth, start, cfg.targetBytes());
    }

    Truth run() {
        long t0 = start - profile.warmup();
        for (int i = 0; i < cfg.effectiveProcesses(); i++) {
            pools.add(newPool());
            if (profile.jobEvery() > 0) {
                int index = i;
                // With a warmup, each process's first job straddles the log's first line, so the log
                // holds putconns whose getconn it never saw.
                long first = profile.warmup() > 0 ? start - us(1_000, 15_000) : t0 + exp(profile.jobEvery());
                at(first, t -> job(index, t));
            }
        }
        at(t0, this::arrive);
        while (!queue.isEmpty() && !events.full()) {
            Step step = queue.poll();
            step.action.accept(step.at);
        }
        writer.finish();
        return truth.build(cfg.scenario(), cfg.seed(), writer.bytes());
    }

    void at(long t, LongConsumer action) {
        queue.add(new Step(t, seq++, action));
    }

    /** Uniform microseconds in [lo, hi). */
    long us(long lo, long hi) {
        return lo + rng.nextLong(hi - lo);
    }

    boolean inStorm(long t) {
        return profile.inStorm(t - start);
    }

    /** Every n-th timed-out request (a fixed fraction) leaves its connection open. */
    boolean nextTimeoutLeaks() {
        timeouts++;
        return profile.timeoutLeakEvery() > 0 && timeouts % profile.timeoutLeakEvery() == 0;
    }

    private long exp(long meanMicros) {
        return 1 + (long) (-Math.log(1 - rng.nextDouble()) * meanMicros);
    }

    private Pool newPool() {
        Pool pool = new Pool(nextPid, 31000 + 400 * poolsCreated++);
        nextPid += 37;
        return pool;
    }

    private void arrive(long t) {
        if (stopped) {
            return;
        }
        for (int i = 0; i < pools.size(); i++) {
            Pool p = pools.get(i);
            if (profile.restartAfterFailure() > 0 && p.firstFailure >= 0
                    && t - p.firstFailure >= profile.restartAfterFailure()) {
                if (!cfg.sizeMode() && cfg.scenario() == Scenario.LEAKY_ROUTERS) {
                    stopped = true; // the incident has played out
                    return;
                }
                pools.set(i, newPool()); // the worker was restarted; the incident starts over
            }
        }
        RequestFlow.start(this, pools.get(rng.nextInt(pools.size())), t);
        if (t >= start && ++arrivals >= cfg.requests() && !cfg.sizeMode()) {
            stopped = true;
            return;
        }
        at(t + exp((long) (Profile.SECOND / profile.rateAt(t - start))), this::arrive);
    }

    private void job(int index, long t) {
        if (stopped) {
            return;
        }
        JobFlow.start(this, pools.get(index), t);
        at(t + exp(profile.jobEvery()), next -> job(index, next));
    }
}
