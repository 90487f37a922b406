package dev.poolscope.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.joran.spi.JoranException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.poolscope.testing.rigapp.Db;
import dev.poolscope.testing.rigapp.Dispatcher;
import dev.poolscope.testing.rigapp.Ledger;
import dev.poolscope.testing.rigapp.Request;
import dev.poolscope.testing.rigapp.Request.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue #16's rig: a real HikariCP pool on in-memory H2, logging through real logback and
 * logstash-logback-encoder to a file, runs a short scripted workload that borrows and returns, holds past the
 * leak threshold and returns late, leaks for good and exhausts the pool. It returns what really happened, from
 * its own bookkeeping ({@link Ledger}, {@link HikariPoolMXBean}), never from reading the log back.
 *
 * <pre>{@code
 * RealHikariLog.Truth truth = RealHikariLog.run(tempDir.resolve("hikari.jsonl"));
 * }</pre>
 *
 * <p>The scenario (offsets from the pool's start, default options; {@code app-worker-N} are the request threads):
 * <ul>
 *   <li>0 ms: four normal requests ({@code GET /api/orders/{id}}) on workers 1–4;
 *   <li>100 ms: {@code GET /api/reports/monthly} on worker 1 holds its connection 2700 ms, then returns it: one
 *       leak warning at about 2100 ms, one "unleaked" at about 2800 ms;
 *   <li>150 and 200 ms: {@code GET /api/customers/{id}/orders/export} on workers 2 and 3 never close
 *       ({@code ExportService.export}); 250 ms: {@code POST /api/inventory/sync/13} on worker 4 never closes
 *       ({@code InventoryService.sync}): three true leaks, each warned about once;
 *   <li>400–2400 ms: more normal requests, on the leaking workers too, so a leak's request is the one its thread
 *       served {@code leakDetectionThreshold} before the warning, not the thread's latest;
 *   <li>after the slow report: a burst of {@code GET /api/products/search}. The free connections are held
 *       (workers 1–3) while two more requests (workers 4–5) wait and time out after {@code connectionTimeout}:
 *       two {@code SQLTransientConnectionException}s, each logged by the app with its stack trace;
 *   <li>one normal request after the burst, one housekeeping period of quiet, then the pool is closed.
 * </ul>
 * Logback is configured programmatically: the global {@link LoggerContext} is reset for the run and given back
 * to its own configuration (logback-test.xml) afterwards. Runs take about 5 s; they are not safe to run in
 * parallel with each other (one logging context, one system property).
 */
public final class RealHikariLog {
    private static final Logger LOG = LoggerFactory.getLogger(RealHikariLog.class);
    /** HikariCP reads it once, when a pool starts ({@code HikariPool.housekeepingPeriodMs}). */
    public static final String HOUSEKEEPING_PROPERTY = "com.zaxxer.hikari.housekeeping.periodMs";
    /** HikariConfig disables leak detection below this ({@code validateNumerics}). */
    public static final long MIN_LEAK_DETECTION_THRESHOLD_MS = 2000;
    /** HikariConfig's floor for connectionTimeout ({@code com.zaxxer.hikari.timeoutMs.floor}). */
    public static final long MIN_CONNECTION_TIMEOUT_MS = 250;
    /** A hold this close to the threshold could go either way; the rig refuses to guess. */
    private static final long MARGIN_MS = 400;
    private static final int LEAKS = 3;
    private static final int WAITERS = 2;
    private static final AtomicInteger RUNS = new AtomicInteger();

    private RealHikariLog() {}

    /** The JSON layout the log is written in. */
    public enum Layout {
        /** logstash-logback-encoder's {@link LogstashEncoder}: flat keys, MDC at the top level, stack trace as text. */
        LOGSTASH,
        /**
         * logback's own {@link JsonEncoder} (1.3.8+) with its defaults: the message template and an
         * {@code arguments} array, MDC in a nested {@code mdc} object, the exception as a {@code throwable} object.
         */
        LOGBACK_JSON
    }

    /** Settings of a run. The scenario needs {@code maximumPoolSize >= 5} (three leaks, one slow hold, one free). */
    public record Options(String poolName, int maximumPoolSize, long housekeepingPeriodMs, long slowHoldMs,
            Layout layout) {
        public Options {
            java.util.Objects.requireNonNull(layout);
            if (maximumPoolSize < LEAKS + 2) {
                throw new IllegalArgumentException("maximumPoolSize must be at least " + (LEAKS + 2));
            }
            if (slowHoldMs < MIN_LEAK_DETECTION_THRESHOLD_MS + MARGIN_MS) {
                throw new IllegalArgumentException("slowHoldMs must pass the leak threshold by " + MARGIN_MS + " ms");
            }
        }

        public static Options defaults() {
            return new Options("HikariPool-1", 6, 500, 2700, Layout.LOGSTASH);
        }

        public Options withLayout(Layout other) {
            return new Options(poolName, maximumPoolSize, housekeepingPeriodMs, slowHoldMs, other);
        }
    }

    /** Versions of what wrote the log, read from the jars on the class path. */
    public record Software(String hikaricp, String h2, String slf4j, String logback, String logstashLogbackEncoder,
            String java) {}

    /** The pool's settings as the rig set them; the first four also appear in HikariCP's configuration dump. */
    public record PoolConfig(String poolName, String jdbcUrl, int maximumPoolSize, int minimumIdle,
            long leakDetectionThresholdMs, long connectionTimeoutMs, long maxLifetimeMs, long idleTimeoutMs,
            long housekeepingPeriodMs) {}

    /** One request, as the dispatcher served it. */
    public record RequestTruth(String requestId, String method, String path, String endpoint, String thread,
            String startedAt, String endedAt, int status) {}

    /**
     * One successful borrow. {@code connection} is the driver connection's {@code toString()}, exactly as
     * HikariCP names it in its leak lines; {@code origin} the application frame that called {@code Db.acquire}
     * as a stack trace prints it; {@code returnedAt}/{@code holdMs} are null for a connection never returned.
     * {@code requestId} is null for the rig's own setup borrow on {@code main}.
     */
    public record BorrowTruth(String requestId, String path, String endpoint, String thread, String connection,
            String origin, String borrowedAt, String returnedAt, Long holdMs, boolean leakWarningExpected,
            boolean unleakedExpected, List<String> stackFromHelper) {}

    /** One failed borrow: HikariCP's {@code SQLTransientConnectionException} message, verbatim. */
    public record TimeoutTruth(String requestId, String path, String thread, String at, String message) {}

    /** What happened in one run. */
    public record Truth(String logFile, Software software, PoolConfig poolConfig, String helperFrame,
            String leakWarningThread, List<RequestTruth> requests, List<BorrowTruth> borrows,
            List<BorrowTruth> trueLeaks, List<BorrowTruth> returnedLate, List<TimeoutTruth> connectionTimeouts,
            int leakWarningsExpected, int unleakedExpected, Map<String, Integer> trueLeaksByOrigin,
            int maxActiveSeen, int maxWaitingSeen, String startedAt, String shutdownAt, long runMillis) {

        /** Writes this record as pretty JSON (for a person or another tool; the tests use the record). */
        public void write(Path file) {
            try {
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), this);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static Truth run(Path logFile) {
        return run(logFile, Options.defaults());
    }

    public static Truth run(Path logFile, Options options) {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        FileAppender<ILoggingEvent> appender = logToJsonFile(logging, logFile, options.layout());
        try {
            return scenario(logFile, options);
        } catch (SQLException | InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("rig run failed", e);
        } finally {
            appender.stop();
            restore(logging);
        }
    }

    /** Resets the global context: one file appender with the layout's encoder, HikariCP at DEBUG. */
    private static FileAppender<ILoggingEvent> logToJsonFile(LoggerContext context, Path file, Layout layout) {
        context.reset();
        Encoder<ILoggingEvent> encoder;
        if (layout == Layout.LOGSTASH) {
            LogstashEncoder logstash = new LogstashEncoder();
            logstash.setCustomFields("{\"service\":\"poolscope-rig\",\"env\":\"test\"}");
            encoder = logstash;
        } else {
            encoder = new JsonEncoder();   // every default, as a team turning it on would have it
        }
        encoder.setContext(context);
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("rig-json");
        appender.setFile(file.toString());
        appender.setAppend(false);
        appender.setImmediateFlush(true);
        appender.setEncoder(encoder);
        appender.start();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(appender);
        context.getLogger("com.zaxxer.hikari").setLevel(Level.DEBUG);
        return appender;
    }

    private static void restore(LoggerContext context) {
        context.reset();
        try {
            new ContextInitializer(context).autoConfig();
        } catch (JoranException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Truth scenario(Path logFile, Options o)
            throws SQLException, InterruptedException, ExecutionException, TimeoutException {
        int run = RUNS.incrementAndGet();
        HikariConfig config = new HikariConfig();
        config.setPoolName(o.poolName());
        config.setJdbcUrl("jdbc:h2:mem:orders-" + run);
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(o.maximumPoolSize());
        config.setMinimumIdle(o.maximumPoolSize());
        config.setLeakDetectionThreshold(MIN_LEAK_DETECTION_THRESHOLD_MS);
        config.setConnectionTimeout(MIN_CONNECTION_TIMEOUT_MS);

        Ledger ledger = new Ledger();
        Instant started = Instant.now();
        LOG.info("rig run {} starting: {} on {}", run, o, config.getJdbcUrl());
        String previous = System.getProperty(HOUSEKEEPING_PROPERTY);
        System.setProperty(HOUSEKEEPING_PROPERTY, Long.toString(o.housekeepingPeriodMs()));
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(config);
        } finally {
            if (previous == null) {
                System.clearProperty(HOUSEKEEPING_PROPERTY);
            } else {
                System.setProperty(HOUSEKEEPING_PROPERTY, previous);
            }
        }
        PoolConfig poolConfig = new PoolConfig(config.getPoolName(), config.getJdbcUrl(), config.getMaximumPoolSize(),
                config.getMinimumIdle(), config.getLeakDetectionThreshold(), config.getConnectionTimeout(),
                config.getMaxLifetime(), config.getIdleTimeout(), o.housekeepingPeriodMs());
        if (poolConfig.leakDetectionThresholdMs() != MIN_LEAK_DETECTION_THRESHOLD_MS
                || poolConfig.connectionTimeoutMs() != MIN_CONNECTION_TIMEOUT_MS) {
            throw new IllegalStateException("HikariCP changed the settings: " + poolConfig);
        }

        HikariPoolMXBean mx = ds.getHikariPoolMXBean();
        List<ExecutorService> workers = new ArrayList<>();
        Thread sampler = new Thread(() -> sample(mx, ledger), "rig-sampler");
        sampler.setDaemon(true);
        Instant shutdownAt;
        String h2Version;
        try {
            Db db = new Db(ds, ledger);
            h2Version = setUp(db);
            waitUntil(() -> mx.getTotalConnections() == o.maximumPoolSize() && mx.getIdleConnections() == o.maximumPoolSize(),
                    Duration.ofSeconds(10));
            sampler.start();
            for (int i = 1; i <= 6; i++) {
                String name = "app-worker-" + i;
                workers.add(Executors.newSingleThreadExecutor(r -> new Thread(r, name)));
            }
            Script s = new Script(new Dispatcher(db, ledger), workers, ledger, mx);
            s.play(o);

            // Every true leak must have passed the threshold before the pool closes, or its warning never comes.
            Instant lastLeak = ledger.borrows().stream().filter(b -> b.returnedAt() == null)
                    .map(b -> b.borrowedAt).max(Instant::compareTo).orElse(Instant.now());
            sleepUntil(lastLeak.plusMillis(MIN_LEAK_DETECTION_THRESHOLD_MS + MARGIN_MS));
            Thread.sleep(o.housekeepingPeriodMs() + 100); // one more Pool stats line after the burst
            LOG.info("rig run {}: closing the pool", run);
            shutdownAt = Instant.now();
        } finally {
            sampler.interrupt();
            workers.forEach(ExecutorService::shutdownNow);
            ds.close();
        }
        sampler.join(1000);
        LOG.info("rig run {} done", run);
        return truth(logFile, ledger, poolConfig, h2Version, started, shutdownAt);
    }

    /** The app's schema and a few orders, borrowed through Db.acquire like every other borrow. */
    private static String setUp(Db db) throws SQLException {
        try (Db.Lease lease = db.acquire(); Statement st = lease.connection().createStatement()) {
            st.execute("CREATE TABLE orders(id BIGINT PRIMARY KEY, customer BIGINT, total DECIMAL(10,2))");
            st.execute("INSERT INTO orders VALUES (1001, 816, 12.50), (1002, 816, 40.00), (1003, 1428, 7.25),"
                    + " (1004, 1428, 99.90), (1005, 1139, 3.10), (1006, 1258, 18.00), (1007, 816, 5.00),"
                    + " (1008, 1139, 61.20), (1009, 1258, 0.99), (1010, 1428, 14.00), (1011, 816, 23.00),"
                    + " (1012, 1139, 8.80), (1013, 1258, 45.45)");
            return lease.connection().getMetaData().getDriverVersion();
        }
    }

    /** Runs the timed script; requests go to named single-thread workers, so each thread's order is fixed. */
    private static final class Script {
        private final Dispatcher dispatcher;
        private final List<ExecutorService> workers;
        private final Ledger ledger;
        private final HikariPoolMXBean mx;
        private int seq;
        private Instant t0;

        Script(Dispatcher dispatcher, List<ExecutorService> workers, Ledger ledger, HikariPoolMXBean mx) {
            this.dispatcher = dispatcher;
            this.workers = workers;
            this.ledger = ledger;
            this.mx = mx;
        }

        private Future<?> send(int worker, Kind kind, long param, Runnable whileHeld, Runnable after) {
            Request r = new Request(++seq, kind, param, whileHeld);
            return workers.get(worker - 1).submit(() -> {
                try {
                    dispatcher.handle(r);
                } finally {
                    after.run();
                }
            });
        }

        private Future<?> send(int worker, Kind kind, long param) {
            return send(worker, kind, param, () -> { }, () -> { });
        }

        private void at(long offsetMs) throws InterruptedException {
            sleepUntil(t0.plusMillis(offsetMs));
        }

        void play(Options o) throws InterruptedException, ExecutionException, TimeoutException {
            t0 = Instant.now();
            List<Future<?>> all = new ArrayList<>();
            all.add(send(1, Kind.ORDER, 1001));
            all.add(send(2, Kind.ORDER, 1002));
            all.add(send(3, Kind.ORDER, 1003));
            all.add(send(4, Kind.ORDER, 1004));
            at(100);
            Future<?> slow = send(1, Kind.MONTHLY_REPORT, o.slowHoldMs());
            at(150);
            all.add(send(2, Kind.EXPORT, 816));
            at(200);
            all.add(send(3, Kind.EXPORT, 1428));
            at(250);
            all.add(send(4, Kind.INVENTORY_SYNC, 13));
            at(400);
            all.add(send(2, Kind.ORDER, 1005));
            all.add(send(3, Kind.ORDER, 9999)); // a 404
            at(800);
            all.add(send(4, Kind.ORDER, 1006));
            all.add(send(5, Kind.ORDER, 1007));
            at(1200);
            all.add(send(2, Kind.ORDER, 1008));
            all.add(send(6, Kind.ORDER, 1009));
            at(1600);
            all.add(send(3, Kind.ORDER, 1010));
            at(2400);
            all.add(send(2, Kind.ORDER, 1011));
            all.add(send(4, Kind.ORDER, 1012));
            slow.get(10, TimeUnit.SECONDS);
            for (Future<?> f : all) {
                f.get(10, TimeUnit.SECONDS);
            }
            burst(o);
            send(6, Kind.ORDER, 1013).get(10, TimeUnit.SECONDS);
        }

        /** Holders take every free connection; waiters then time out; holders let go only after both have. */
        private void burst(Options o) throws InterruptedException, ExecutionException, TimeoutException {
            int holders = o.maximumPoolSize() - LEAKS;
            CountDownLatch holding = new CountDownLatch(holders);
            CountDownLatch waitersDone = new CountDownLatch(WAITERS);
            Runnable hold = () -> {
                holding.countDown();
                try {
                    if (!waitersDone.await(10, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("waiters never finished");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            };
            List<Future<?>> burst = new ArrayList<>();
            for (int w = 1; w <= holders; w++) {
                burst.add(send(w, Kind.SEARCH, 0, hold, () -> { }));
            }
            if (!holding.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("burst holders never got their connections");
            }
            ledger.sampled(mx.getActiveConnections(), mx.getThreadsAwaitingConnection());
            for (int w = holders + 1; w <= holders + WAITERS; w++) {
                burst.add(send(w, Kind.SEARCH, 0, () -> { }, waitersDone::countDown));
            }
            for (Future<?> f : burst) {
                f.get(10, TimeUnit.SECONDS);
            }
        }
    }

    private static void sample(HikariPoolMXBean mx, Ledger ledger) {
        while (!Thread.currentThread().isInterrupted()) {
            ledger.sampled(mx.getActiveConnections(), mx.getThreadsAwaitingConnection());
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static Truth truth(Path logFile, Ledger ledger, PoolConfig config, String h2, Instant started,
            Instant shutdownAt) {
        long threshold = config.leakDetectionThresholdMs();
        List<BorrowTruth> borrows = new ArrayList<>();
        for (Ledger.Borrow b : ledger.borrows()) {
            Instant end = b.returnedAt() == null ? shutdownAt : b.returnedAt();
            long held = Duration.between(b.borrowedAt, end).toMillis();
            if (Math.abs(held - threshold) < MARGIN_MS) {
                throw new IllegalStateException("a hold of " + held + " ms is too near the leak threshold to tell: "
                        + b.origin);
            }
            boolean warned = held > threshold;
            Request r = b.request;
            borrows.add(new BorrowTruth(r == null ? null : r.id(), r == null ? null : r.path(),
                    r == null ? null : r.kind().endpoint, b.thread, b.connection, b.origin.toString(),
                    b.borrowedAt.toString(), b.returnedAt() == null ? null : b.returnedAt().toString(),
                    b.returnedAt() == null ? null : held, warned, warned && b.returnedAt() != null,
                    warned ? b.stack : List.of()));
        }
        List<BorrowTruth> leaks = borrows.stream().filter(b -> b.returnedAt() == null).toList();
        List<BorrowTruth> late = borrows.stream().filter(BorrowTruth::unleakedExpected).toList();
        Map<String, Integer> byOrigin = new LinkedHashMap<>();
        leaks.forEach(b -> byOrigin.merge(b.origin(), 1, Integer::sum));
        List<RequestTruth> requests = ledger.served().stream()
                .map(s -> new RequestTruth(s.request().id(), s.request().kind().method, s.request().path(),
                        s.request().kind().endpoint, s.thread(), s.startedAt().toString(), s.endedAt().toString(),
                        s.status()))
                .toList();
        List<TimeoutTruth> timeouts = ledger.timeouts().stream()
                .map(t -> new TimeoutTruth(t.request().id(), t.request().path(), t.thread(), t.at().toString(),
                        t.message()))
                .toList();
        Software software = new Software(version("com.zaxxer", "HikariCP"), h2, version("org.slf4j", "slf4j-api"),
                version("ch.qos.logback", "logback-classic"),
                version("net.logstash.logback", "logstash-logback-encoder"), System.getProperty("java.version"));
        return new Truth(logFile.toString(), software, config, ledger.helperFrame(), config.poolName() + ":housekeeper",
                requests, borrows, leaks, late, timeouts,
                (int) borrows.stream().filter(BorrowTruth::leakWarningExpected).count(), late.size(), byOrigin,
                ledger.maxActive(), ledger.maxWaiting(), started.toString(), shutdownAt.toString(),
                Duration.between(started, Instant.now()).toMillis());
    }

    private static String version(String group, String artifact) {
        String path = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = RealHikariLog.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void sleepUntil(Instant when) throws InterruptedException {
        long ms = Duration.between(Instant.now(), when).toMillis();
        if (ms > 0) {
            Thread.sleep(ms);
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, Duration limit)
            throws InterruptedException {
        Instant end = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new IllegalStateException("the pool did not fill in " + limit);
            }
            Thread.sleep(10);
        }
    }

    /** The rig's log, one JSON tree a line, for tests that look at what the library wrote. */
    public static List<com.fasterxml.jackson.databind.JsonNode> lines(Path log) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<com.fasterxml.jackson.databind.JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            out.add(json.readTree(line));
        }
        return out;
    }
}
