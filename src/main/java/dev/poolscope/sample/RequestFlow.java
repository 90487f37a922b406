package dev.poolscope.sample;

import java.util.ArrayDeque;

/**
 * One HTTP request as a chain of scheduled steps: started, getconn (get_db, then 0-2
 * get_service_clients), queries, handler outcome, putconns (unless it leaks), finished, access.
 */
final class RequestFlow {
    private final Simulation sim;
    private final Events ev;
    private final Origin o;
    private final Route route;
    private final long startedAt;
    private final int connsWanted;
    private final ArrayDeque<Checkout> held = new ArrayDeque<>(3);
    private int queriesLeft;
    private long lastAt;
    int status;
    /** The early-return bug: nothing held is returned. */
    boolean leakAll;
    /** A timed-out query whose connection is never returned. */
    Checkout leakOne;

    private RequestFlow(Simulation sim, Origin o, Route route, long startedAt) {
        this.sim = sim;
        this.ev = sim.events;
        this.o = o;
        this.route = route;
        this.startedAt = startedAt;
        this.connsWanted = 1 + sim.rng.nextInt(route.maxConns);
    }

    static void start(Simulation sim, Pool pool, long t) {
        double codingShare = sim.inStorm(t) ? 0.7 : 0;
        Route route = Route.pick(sim.rng, codingShare);
        Origin o = Origin.request(pool, Ids.uuid(sim.rng), route, route.concretePath(sim.rng));
        RequestFlow flow = new RequestFlow(sim, o, route, t);
        boolean anonymous = route == Route.AUTH_LOGIN || route == Route.HEALTH;
        sim.events.httpStarted(t, o, Ids.clientIp(sim.rng), Texts.USER_AGENTS[sim.rng.nextInt(Texts.USER_AGENTS.length)],
                anonymous ? 0 : 1 + sim.rng.nextInt(200));
        sim.at(t + sim.us(50, 400), flow::acquire);
    }

    private void acquire(long t) {
        int n = held.size();
        String caller = n == 0 ? "get_db" : "get_service_clients:" + Texts.SERVICE_CLIENTS[n - 1];
        Pool.Conn conn = o.pool.take();
        if (conn == null) {
            if (o.pool.firstFailure < 0) {
                o.pool.firstFailure = t;
            }
            ev.getconnFailed(t, o, caller);
            status = 503;
            sim.at(t + sim.us(100, 600), this::release);
            return;
        }
        Checkout c = new Checkout(conn, o, t);
        held.addLast(c);
        ev.getconnSuccess(t, c, caller, sim.us(1, o.pool.used() > 60 ? 400 : 120));
        if (held.size() < connsWanted) {
            sim.at(t + sim.us(100, 1500), this::acquire);
            return;
        }
        if (connsWanted > 1) {
            ev.serviceClientsReady(t + sim.us(20, 200), o, connsWanted - 1);
        }
        lastAt = t;
        if (route == Route.CODING_STATS) {
            new CodingStats(sim, this, o, held.getFirst()).run(t);
            return;
        }
        queriesLeft = sim.rng.nextInt(3);
        sim.at(t + sim.us(500, 15_000), queriesLeft > 0 ? this::query : this::handle);
    }

    private void query(long t) {
        ev.dbQuery(t, held.getFirst(), Texts.STATEMENTS[sim.rng.nextInt(Texts.STATEMENTS.length)],
                sim.rng.nextInt(60), (t - lastAt) / 10 + 1);
        lastAt = t;
        sim.at(t + sim.us(300, 20_000), --queriesLeft > 0 ? this::query : this::handle);
    }

    /** The handler's outcome: the leaky routers' early return, or a normal answer. */
    private void handle(long t) {
        Profile p = sim.profile;
        if (route.leaky() && sim.rng.nextDouble() < p.earlyReturn()) {
            status = route.earlyStatus;
            leakAll = sim.rng.nextDouble() < p.leakOnEarlyReturn();
            String logger = route == Route.INGEST ? "app.api.ingest" : "app.api.projects";
            String event = switch (status) {
                case 409 -> "api.projects.conflict";
                case 404 -> "api.projects.not_found";
                default -> "api.ingest.validation_failed";
            };
            ev.simple(t, o, logger, event, "warning", null, 0);
        } else if (route == Route.ADMIN_USERS && sim.rng.nextBoolean()) {
            status = 403;
        } else if (route == Route.AUTH_LOGIN && sim.rng.nextInt(10) == 0) {
            status = 401;
            ev.simple(t, o, "app.auth", "auth.login.failed", "warning", null, 0);
        } else {
            status = route == Route.PROJECT_CREATE ? 201 : route == Route.PROJECT_DELETE ? 204 : 200;
            if (route.successEvent != null) {
                String logger = route == Route.AUTH_LOGIN ? "app.auth" : "app.api." + route.successEvent.split("\\.")[1];
                String key = route == Route.AUTH_LOGIN ? "user_id" : "project_id";
                ev.simple(t, o, logger, route.successEvent, "info", key, 1 + sim.rng.nextInt(900));
            }
        }
        release(t + sim.us(50, 500));
    }

    /** Returns what is held (except leaks), then answers; a 503 after a failed checkout says why. */
    void release(long t) {
        long at = t;
        while (!held.isEmpty()) {
            Checkout c = held.pollLast();
            if (leakAll || c == leakOne) {
                continue; // the bug: no putconn, the pool slot stays taken
            }
            o.pool.give(c.conn);
            ev.putconn(at, c);
            at += sim.us(20, 300);
        }
        if (status == 503) {
            ev.exhaustionError(at, o, "app.http", "http.request.service_unavailable", "warning");
            at += sim.us(20, 200);
        }
        ev.httpFinished(at, o, status, Math.max(1, (at - startedAt) / 10));
        ev.access(at + sim.us(100, 600), o, 30000 + sim.rng.nextInt(30000), status);
    }
}
