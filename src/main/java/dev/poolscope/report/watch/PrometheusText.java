package dev.poolscope.report.watch;

import dev.poolscope.analysis.LiveStatus;
import dev.poolscope.report.Units;
import java.math.BigDecimal;

/**
 * The live figures in the Prometheus text exposition format (version 0.0.4), for node_exporter's
 * textfile collector. Every sample carries a {@code log} label so several watches can share one
 * collector folder. Counters count since the watch started; Prometheus handles their reset on restart.
 */
public final class PrometheusText {
    private PrometheusText() {}

    /**
     * @param lines     lines read since the watch began
     * @param malformed lines that were not a JSON object
     * @param alerts    alerts sent
     */
    public static String format(LiveStatus s, String log, long lines, long malformed, long alerts) {
        var t = s.totals();
        var c = t.counts();
        String label = "{log=\"" + escape(log) + "\"}";
        StringBuilder b = new StringBuilder(4096);
        b.append("# poolscope watch metrics; rewritten every interval, do not edit\n");
        gauge(b, "poolscope_level", "Health level now: 0 ok, 1 warning, 2 critical.", label, s.level().ordinal());
        gauge(b, "poolscope_pool_used", "Connections in use now in the fullest live process (NaN: no recent sample).",
                label, s.usedNow() < 0 ? "NaN" : s.usedNow());
        gauge(b, "poolscope_pool_used_peak", "Highest pool used since the watch began (NaN: never known).", label,
                s.usedPeak() < 0 ? "NaN" : s.usedPeak());
        if (s.poolMax() >= 0) {
            gauge(b, "poolscope_pool_max", "Largest pool size the live processes stated.", label, s.poolMax());
        }
        gauge(b, "poolscope_open_checkouts", "Connections taken and not yet given back.", label, s.openCheckouts());
        gauge(b, "poolscope_leak_delta", "getconn minus putconn of the live processes (NaN: checkouts not logged).",
                label, s.checkoutsLogged() ? s.leakDelta() : "NaN");
        gauge(b, "poolscope_requests_without_close",
                "Requests holding a connection after their end or past the grace period.", label,
                s.requestsWithoutClose());
        gauge(b, "poolscope_leak_suspects", "Open checkouts reported as leak suspects.", label, s.openSuspects());
        BigDecimal oldest = s.oldest().isEmpty() ? BigDecimal.ZERO : Units.seconds(s.oldest().get(0).ageMicros());
        gauge(b, "poolscope_oldest_checkout_age_seconds", "Age of the oldest open checkout, 0 when none.", label,
                oldest);
        gauge(b, "poolscope_processes", "Processes in the live view.", label, t.processes());
        if (c.lastTime() != Long.MIN_VALUE) {
            gauge(b, "poolscope_last_event_timestamp_seconds", "Time of the newest event read.", label,
                    Units.seconds(c.lastTime()));
        }
        counter(b, "poolscope_lines_total", "Lines read.", label, lines);
        counter(b, "poolscope_malformed_lines_total", "Lines that were not a JSON object.", label, malformed);
        counter(b, "poolscope_getconn_total", "Connections taken from the pool.", label, c.getconn());
        counter(b, "poolscope_putconn_total", "Connections given back.", label, c.putconn());
        counter(b, "poolscope_getconn_failed_total", "Checkouts the pool refused.", label, c.getconnFailed());
        counter(b, "poolscope_nearly_exhausted_total", "Near-exhaustion warnings.", label, c.nearlyExhausted());
        counter(b, "poolscope_statement_timeouts_total", "Statements cancelled by statement_timeout.", label,
                t.statementTimeouts());
        counter(b, "poolscope_leak_suspicions_total", "Checkouts reported as leak suspects.", label, t.suspected());
        counter(b, "poolscope_leak_returns_total", "Suspects or long holds that came back.", label, t.returned());
        counter(b, "poolscope_alerts_total", "Alerts sent.", label, alerts);
        if (s.leakWarningsKnown()) {
            counter(b, "poolscope_library_leak_warnings_total", "HikariCP leak warnings read.", label,
                    s.library().suspected());
            counter(b, "poolscope_library_leaks_returned_total", "HikariCP leak warnings followed by unleaked.", label,
                    s.library().returnedLate());
            gauge(b, "poolscope_library_leak_warnings_open", "HikariCP leak warnings not followed by unleaked.", label,
                    s.leakWarningsOpen());
        }
        return b.toString();
    }

    /** Label values escape backslash, double quote and newline (exposition format rules). */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static void gauge(StringBuilder b, String name, String help, String label, Object value) {
        metric(b, "gauge", name, help, label, value);
    }

    private static void counter(StringBuilder b, String name, String help, String label, long value) {
        metric(b, "counter", name, help, label, value);
    }

    private static void metric(StringBuilder b, String type, String name, String help, String label, Object value) {
        b.append("# HELP ").append(name).append(' ').append(help).append('\n');
        b.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        String text = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        b.append(name).append(label).append(' ').append(text).append('\n');
    }
}
