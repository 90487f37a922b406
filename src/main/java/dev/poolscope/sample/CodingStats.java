package dev.poolscope.sample;

/**
 * GET /api/coding/stats: one heavy query under an 800 ms statement_timeout. In a storm most calls
 * time out; every n-th timed-out request leaves its get_db connection open. A rare DivisionByZero
 * logs the same event name but is not a timeout.
 */
final class CodingStats {
    private final Simulation sim;
    private final RequestFlow flow;
    private final Origin o;
    private final Checkout db;
    private final int projectId;

    CodingStats(Simulation sim, RequestFlow flow, Origin o, Checkout db) {
        this.sim = sim;
        this.flow = flow;
        this.o = o;
        this.db = db;
        this.projectId = Integer.parseInt(o.path.substring(o.path.indexOf('=') + 1));
    }

    void run(long t) {
        double r = sim.rng.nextDouble();
        Profile p = sim.profile;
        boolean storm = sim.inStorm(t);
        if (storm && r < p.timeoutInStorm()) {
            long elapsed = Texts.STATEMENT_TIMEOUT_MS * 1000L + sim.us(0, 3000);
            sim.at(t + elapsed, end -> timedOut(end, elapsed));
        } else if (r > 1 - p.divisionByZero()) {
            long elapsed = sim.us(3_000, 60_000);
            sim.at(t + elapsed, end -> divisionByZero(end, elapsed));
        } else {
            long elapsed = storm ? sim.us(200_000, 790_000) : sim.us(10_000, 180_000);
            sim.at(t + elapsed, end -> {
                sim.events.dbQuery(end, db, "coding_stats", sim.rng.nextInt(400), elapsed / 10);
                flow.status = 200;
                flow.release(end + sim.us(100, 2000));
            });
        }
    }

    private void timedOut(long t, long elapsed) {
        long at = t;
        if (sim.rng.nextBoolean()) {
            // Half the time the db layer logs the failure too: two timeout lines for one request.
            sim.events.queryCanceled(at, db, elapsed / 10);
            at += sim.us(20, 200);
        }
        sim.events.timeoutOrError(at, o, projectId, true, elapsed / 10);
        sim.events.rollback(at + sim.us(100, 900), o, "statement_timeout");
        flow.status = 500;
        if (sim.nextTimeoutLeaks()) {
            flow.leakOne = db;
        }
        flow.release(at + sim.us(1000, 3000));
    }

    private void divisionByZero(long t, long elapsed) {
        sim.events.timeoutOrError(t, o, projectId, false, elapsed / 10);
        sim.events.rollback(t + sim.us(100, 900), o, "error");
        flow.status = 500;
        flow.release(t + sim.us(1000, 3000));
    }
}
