package dev.poolscope.sample;

/**
 * One method per kind of log line. Each writes the line (unless it falls before the visible start
 * or after the size target) and tells the {@link TruthRecorder} what it means.
 */
final class Events {
    private final LineWriter w;
    private final TruthRecorder truth;
    private final long visibleFrom;
    private final long targetBytes;
    private boolean full;

    Events(LineWriter w, TruthRecorder truth, long visibleFrom, long targetBytes) {
        this.w = w;
        this.truth = truth;
        this.visibleFrom = visibleFrom;
        this.targetBytes = targetBytes;
    }

    boolean full() {
        return full;
    }

    private boolean skip(long t) {
        return full || t < visibleFrom;
    }

    private long end(String event, Origin o, int pid, String level, long t, String exception) {
        long ts = w.end(event, o, pid, level, t, exception);
        truth.line(ts);
        full = targetBytes > 0 && w.bytes() >= targetBytes;
        return ts;
    }

    void httpStarted(long t, Origin o, String ip, String agent, int userId) {
        if (skip(t)) return;
        w.begin("app.http").str("client_ip", ip).str("user_agent", agent);
        if (userId > 0) w.num("user_id", userId);
        end("http.request.started", o, o.pool.pid, "info", t, null);
    }

    void getconnSuccess(long t, Checkout c, String caller, long waitCenti) {
        if (skip(t)) return;
        Pool pool = c.origin.pool;
        int used = pool.used();
        w.begin("app.db.pool").num("conn_id", c.conn.id()).num("backend_pid", c.conn.backendPid())
                .str("caller", caller).num("pool_used", used).num("pool_max", Pool.MAX).dec("wait_ms", waitCenti);
        long ts = end("pool.getconn.success", c.origin, pool.pid, "info", t, null);
        truth.getconn(c);
        truth.poolUsed(pool.pid, used, ts);
        if (used > Pool.THRESHOLD && !full) {
            w.begin("app.db.pool").num("pool_used", used).num("pool_max", Pool.MAX).num("threshold", Pool.THRESHOLD);
            ts = end("pool.nearly_exhausted", c.origin, pool.pid, "warning", ts, null);
            truth.nearly++;
            truth.poolUsed(pool.pid, used, ts);
        }
    }

    void getconnFailed(long t, Origin o, String caller) {
        if (skip(t)) return;
        w.begin("app.db.pool").str("error", Texts.EXHAUSTED).str("error_type", "PoolError").str("caller", caller)
                .num("pool_used", o.pool.used()).num("pool_max", Pool.MAX);
        long ts = end("pool.getconn.FAILED", o, o.pool.pid, "error", t, Texts.POOL_TRACEBACK);
        truth.failed++;
        truth.poolUsed(o.pool.pid, o.pool.used(), ts);
    }

    void putconn(long t, Checkout c) {
        if (skip(t)) return;
        Pool pool = c.origin.pool;
        w.begin("app.db.pool").num("conn_id", c.conn.id()).num("backend_pid", c.conn.backendPid())
                .num("pool_used", pool.used()).num("pool_max", Pool.MAX)
                .dec("held_ms", Math.max(1, (t - c.takenAt) / 10)).bool("conn_closed", false);
        long ts = end("pool.putconn.success", c.origin, pool.pid, "info", t, null);
        truth.putconn(c);
        truth.poolUsed(pool.pid, pool.used(), ts);
    }

    void serviceClientsReady(long t, Origin o, int clients) {
        if (skip(t)) return;
        w.begin("app.deps").num("clients", clients);
        end("deps.service_clients.ready", o, o.pool.pid, "info", t, null);
    }

    void dbQuery(long t, Checkout c, String statement, int rows, long durationCenti) {
        if (skip(t)) return;
        w.begin("app.db").num("backend_pid", c.conn.backendPid()).str("statement", statement).num("rows", rows)
                .dec("duration_ms", durationCenti);
        end("db.query", c.origin, c.origin.pool.pid, "info", t, null);
    }

    /** A one-field application event such as api.projects.created or job.started. */
    void simple(long t, Origin o, String logger, String event, String level, String key, long value) {
        if (skip(t)) return;
        w.begin(logger);
        if (key != null) w.num(key, value);
        end(event, o, o.pool.pid, level, t, null);
    }

    /** A non-FAILED event quoting the pool error: the 503 answer or a job giving up. */
    void exhaustionError(long t, Origin o, String logger, String event, String level) {
        if (skip(t)) return;
        w.begin(logger).str("error", Texts.EXHAUSTED);
        end(event, o, o.pool.pid, level, t, null);
        truth.exhaustionErrors++;
    }

    void httpFinished(long t, Origin o, int status, long durationCenti) {
        if (skip(t)) return;
        w.begin("app.http").num("status", status).dec("duration_ms", durationCenti);
        end("http.request.finished", o, o.pool.pid, status >= 500 ? "warning" : "info", t, null);
    }

    void access(long t, Origin o, int port, int status) {
        if (skip(t)) return;
        w.begin("uvicorn.access");
        end("127.0.0.1:" + port + " - \"" + o.method + " " + o.path + " HTTP/1.1\" " + status, null,
                o.pool.pid, "info", t, null);
    }

    void queryCanceled(long t, Checkout c, long elapsedCenti) {
        if (skip(t)) return;
        w.begin("app.db").num("backend_pid", c.conn.backendPid()).str("statement", "coding_stats")
                .str("error", Texts.TIMEOUT).str("error_type", "QueryCanceled").str("pgcode", Texts.PG_TIMEOUT)
                .dec("duration_ms", elapsedCenti);
        end("db.query.failed", c.origin, c.origin.pool.pid, "error", t, null);
        truth.timeoutEvent(c.origin);
    }

    void timeoutOrError(long t, Origin o, int projectId, boolean timeout, long elapsedCenti) {
        if (skip(t)) return;
        w.begin("app.api.coding").num("project_id", projectId)
                .str("error", timeout ? Texts.TIMEOUT : Texts.DIV_ZERO)
                .str("error_type", timeout ? "QueryCanceled" : "DivisionByZero")
                .str("pgcode", timeout ? Texts.PG_TIMEOUT : Texts.PG_DIV_ZERO)
                .num("statement_timeout_ms", Texts.STATEMENT_TIMEOUT_MS).dec("elapsed_ms", elapsedCenti);
        end("api.coding.stats.timeout_or_error", o, o.pool.pid, "error", t,
                timeout ? Texts.TIMEOUT_TRACEBACK : Texts.DIV_ZERO_TRACEBACK);
        if (timeout) {
            truth.timeoutEvent(o);
        }
    }

    void rollback(long t, Origin o, String reason) {
        if (skip(t)) return;
        w.begin("app.api.coding").str("reason", reason);
        end("db.rollback", o, o.pool.pid, "info", t, null);
    }
}
