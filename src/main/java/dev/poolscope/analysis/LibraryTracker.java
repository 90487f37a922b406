package dev.poolscope.analysis;

import dev.poolscope.event.EventKind;
import dev.poolscope.event.PoolEvent;
import dev.poolscope.event.PoolNote;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the pool libraries' own messages (issue #16): which dialects each input showed, HikariCP's leak
 * detection ({@link HikariLeaks}), its configuration dump, where the pool's maximum came from, and waiting
 * threads. It runs first and may turn a duplicate of a failed checkout back into an ordinary line: HikariCP's
 * timeout text is logged by the application, sometimes at several layers of one failure.
 */
final class LibraryTracker {
    static final String STRUCTLOG = "structlog";
    /** HikariCP's floor for connectionTimeout: one borrower cannot fail twice within it. */
    private static final long MIN_CONNECTION_TIMEOUT_MICROS = 250_000;

    private final HikariLeaks hikari;
    private final AnalysisOptions options;
    /** A summary keeps configuration lines of a dump begun before it apart (docs/summaries.md). */
    private final boolean summary;
    private final java.util.List<LibraryState.ConfigLine> unplaced = new java.util.ArrayList<>();
    private final Tally poolEvents = new Tally();
    private final Tally libraryLines = new Tally();
    private final Map<String, String> config = new TreeMap<>();
    /** Per thread: the pool whose configuration dump it is writing. */
    private final Map<String, String> dumping = new HashMap<>();
    /** Per borrower (thread or request): the last failure text and when, to count one failure once. */
    private final Map<String, Long> lastFailure = new HashMap<>();
    private long connectionTimeoutMicros = MIN_CONNECTION_TIMEOUT_MICROS;
    private int max = -1;
    private String maxSource;
    private int peakWaiting = -1;
    private boolean checkoutsLogged;
    private boolean hikariSeen;

    LibraryTracker(AnalysisOptions options) {
        this(options, false);
    }

    LibraryTracker(AnalysisOptions options, boolean summary) {
        this.options = options;
        this.summary = summary;
        this.hikari = new HikariLeaks(options.maxItems(), options.originSkipPattern(), summary);
    }

    /** The event to analyse: {@code e}, or an ordinary line when it repeats a failure already counted. */
    PoolEvent accept(PoolEvent e) {
        PoolNote n = e.note();
        if (n == null) {
            if (e.kind() != EventKind.OTHER && e.kind() != EventKind.REQUEST_END) {
                poolEvents.count(e.source(), STRUCTLOG);
                checkoutsLogged = true;
            }
            return e;   // the maximum of a structlog field: pool.max_source says "pool_max field"
        }
        hikari.line(e, n);
        if (!n.fromLibrary()) {
            return e;
        }
        libraryLines.count(e.source(), n.dialect());
        if (n.kind() != PoolNote.Kind.OTHER) {
            poolEvents.count(e.source(), n.dialect());
        }
        if ("hikaricp".equals(n.dialect())) {
            hikariSeen = true;
        } else {
            checkoutsLogged = true;
        }
        return library(e, n);
    }

    private PoolEvent library(PoolEvent e, PoolNote n) {
        switch (n.kind()) {
            case LEAK_SUSPECTED -> hikari.suspected(e, n);
            case LEAK_RETURNED -> hikari.returned(e, n);
            case CONFIG_START -> dumping.put(e.process() + "\u0000" + n.thread(), n.subject());
            case CONFIG -> config(e, n);
            case STATS -> {
                peakWaiting = Math.max(peakWaiting, n.waiting());
                maxFrom(e, "HikariCP pool stats (total=T/maximumPoolSize)");
            }
            case MAX -> maxFrom(e, n.subject());
            default -> { }
        }
        if (e.kind() == EventKind.CHECKOUT_FAILED) {
            peakWaiting = Math.max(peakWaiting, n.waiting());
            hikari.borrowTrace(n.frames());
            if (repeated(e, n)) {
                return e.with(EventKind.OTHER, e.requestId(), e.connId(), PoolEvent.NO_COUNT, e.poolMax(), n);
            }
        }
        return e;
    }

    /** The same failure text from the same borrower within connectionTimeout is one failure logged twice. */
    private boolean repeated(PoolEvent e, PoolNote n) {
        if (!"hikaricp".equals(n.dialect()) || n.text() == null || !e.hasTime()) {
            return false;
        }
        String who = e.requestId() != null ? e.requestId() : n.thread();
        if (who == null) {
            return false;
        }
        String key = e.process() + "\u0000" + who + "\u0000" + n.text();
        Long before = lastFailure.put(key, e.time());
        if (lastFailure.size() > 10_000) {
            lastFailure.clear();   // only neighbours matter; a bound for a hostile log
        }
        return before != null && Math.abs(e.time() - before) < connectionTimeoutMicros;
    }

    private void config(PoolEvent e, PoolNote n) {
        String pool = dumping.get(e.process() + "\u0000" + n.thread());
        if (pool == null && summary) {
            if (unplaced.size() < LibraryState.MAX_CONFIG) {
                unplaced.add(new LibraryState.ConfigLine(e.process(), n.thread(), n.subject(), n.text()));
            }
        } else {
            LibraryState.put(config, (pool == null ? "pool" : pool) + "." + n.subject(), n.text());
        }
        long ms = parseLong(n.text());
        switch (n.subject()) {
            case "leakDetectionThreshold" -> hikari.threshold(ms);
            case "connectionTimeout" -> connectionTimeoutMicros = ms > 0 ? ms * 1000 : connectionTimeoutMicros;
            case "maximumPoolSize" -> maxFrom(e, "HikariCP configuration dump (maximumPoolSize)");
            default -> { }
        }
    }

    private void maxFrom(PoolEvent e, String source) {
        if (e.poolMax() > max) {
            max = e.poolMax();
            maxSource = source;
        }
    }

    LibraryResult finish(long lastTime) {
        return state().finish(lastTime, options.maxItems(), options.originSkipPattern());
    }

    /** Everything a summary carries (docs/summaries.md). */
    LibraryState state() {
        Map<String, String> dumps = new TreeMap<>();
        dumping.forEach((k, v) -> {
            if (dumps.size() < LibraryState.MAX_CONFIG) {
                dumps.put(k, v);
            }
        });
        return new LibraryState(poolEvents.finish(), libraryLines.finish(), config, unplaced, summary ? dumps : Map.of(),
                max, maxSource, peakWaiting, checkoutsLogged, hikariSeen, hikari.state());
    }

    /** Lines per input and dialect; the same input and dialect as the last line cost one increment. */
    private static final class Tally {
        private final Map<String, Map<String, long[]>> counts = new TreeMap<>();
        private String lastSource;
        private String lastDialect;
        private long[] last;

        void count(String source, String dialect) {
            if (source != lastSource || !dialect.equals(lastDialect)) {
                lastSource = source;
                lastDialect = dialect;
                last = counts.computeIfAbsent(source == null ? "-" : source, k -> new TreeMap<>())
                        .computeIfAbsent(dialect, k -> new long[1]);
            }
            last[0]++;
        }

        Map<String, Map<String, Long>> finish() {
            Map<String, Map<String, Long>> out = new TreeMap<>();
            counts.forEach((source, m) -> m.forEach((d, n) -> out.computeIfAbsent(source, k -> new TreeMap<>())
                    .put(d, n[0])));
            return out;
        }
    }

    private static long parseLong(String s) {
        try {
            return s == null ? -1 : Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return -1;   // (0 would be an equivalent mutant: both settings read take only a positive value)
        }
    }

}
