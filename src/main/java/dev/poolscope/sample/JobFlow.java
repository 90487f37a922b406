package dev.poolscope.sample;

/** A background job: no request_id, so its getconn and putconn pair by (pid, conn_id) alone. */
final class JobFlow {
    private final Simulation sim;
    private final Origin o;
    private final long startedAt;
    private Checkout checkout;
    private int queriesLeft;
    private long lastAt;

    private JobFlow(Simulation sim, Origin o, long startedAt) {
        this.sim = sim;
        this.o = o;
        this.startedAt = startedAt;
    }

    static void start(Simulation sim, Pool pool, long t) {
        String name = Texts.JOBS[sim.rng.nextInt(Texts.JOBS.length)];
        JobFlow flow = new JobFlow(sim, Origin.job(pool, Ids.uuid(sim.rng), name), t);
        sim.events.simple(t, flow.o, "app.jobs", "job.started", "info", null, 0);
        sim.at(t + sim.us(50, 500), flow::acquire);
    }

    private void acquire(long t) {
        Pool.Conn conn = o.pool.take();
        if (conn == null) {
            sim.events.getconnFailed(t, o, "job:" + o.job);
            sim.events.exhaustionError(t + sim.us(50, 400), o, "app.jobs", "job.failed", "error");
            return;
        }
        checkout = new Checkout(conn, o, t);
        sim.events.getconnSuccess(t, checkout, "job:" + o.job, sim.us(1, 150));
        queriesLeft = 1 + sim.rng.nextInt(3);
        lastAt = t;
        sim.at(t + sim.us(20_000, 400_000), this::query);
    }

    private void query(long t) {
        sim.events.dbQuery(t, checkout, o.job, sim.rng.nextInt(5000), (t - lastAt) / 10 + 1);
        lastAt = t;
        if (--queriesLeft > 0) {
            sim.at(t + sim.us(20_000, 400_000), this::query);
            return;
        }
        long at = t + sim.us(50, 500);
        o.pool.give(checkout.conn);
        sim.events.putconn(at, checkout);
        sim.events.simple(at + sim.us(50, 300), o, "app.jobs", "job.finished", "info", "duration_ms",
                (at - startedAt) / 1000);
    }
}
