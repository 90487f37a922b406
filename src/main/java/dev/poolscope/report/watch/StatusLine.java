package dev.poolscope.report.watch;

import dev.poolscope.analysis.LeakItem;
import dev.poolscope.analysis.Level;
import dev.poolscope.analysis.LiveStatus;
import dev.poolscope.report.Terminal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The one-line status {@code watch} prints every interval, e.g.
 * <pre>2026-11-27T15:17:02Z CRITICAL used 78 (peak 80, max 80) | open 78 | delta +12 | in 10s: 1234 lines,
 * 3 failed, 0 timeouts | oldest 95s 2b5bd688-… GET /api/projects/{id} (ended)</pre>
 * (one line). The level comes first, so cutting the line to the terminal's width loses only the tail.
 */
public final class StatusLine {
    /** Longest request id or endpoint shown: log content must not push the figures off the screen. */
    static final int FIELD_MAX = 80;

    private StatusLine() {}

    /**
     * @param wallTime the time printed (when the status was made, not the log's)
     * @param previous the previous status, for the interval counts; null for the first
     * @param interval time since the previous status
     * @param width    cut the line to this many characters, or 0 for no limit
     */
    public static String format(LiveStatus s, LiveStatus previous, Instant wallTime, Duration interval, int width,
                                boolean color) {
        StringBuilder b = new StringBuilder(160);
        b.append(wallTime.truncatedTo(ChronoUnit.SECONDS)).append(' ');
        int levelAt = b.length();
        String level = s.level().name();
        b.append(level);
        b.append(" used ").append(na(s.usedNow())).append(" (peak ").append(na(s.usedPeak()));
        if (s.poolMax() >= 0) {
            b.append(", max ").append(s.poolMax());
        }
        b.append(") | open ").append(s.openCheckouts());
        b.append(" | delta ").append(s.checkoutsLogged() ? String.format(Locale.ROOT, "%+d", s.leakDelta()) : "n/a");
        if (s.leakWarningsKnown()) {
            b.append(" | leak warnings ").append(s.library().suspected()).append(" (").append(s.leakWarningsOpen())
                    .append(" open)");
        }
        var now = s.totals().counts();
        var before = previous == null ? null : previous.totals();
        b.append(previous == null ? " | so far: " : " | in " + age(interval.toNanos() / 1000) + ": ")
                .append(now.events() - (before == null ? 0 : before.counts().events())).append(" events, ")
                .append(now.getconnFailed() - (before == null ? 0 : before.counts().getconnFailed())).append(" failed, ")
                .append(s.totals().statementTimeouts() - (before == null ? 0 : before.statementTimeouts()))
                .append(" timeouts");
        b.append(" | oldest ");
        if (s.oldest().isEmpty()) {
            b.append('-');
        } else {
            LeakItem o = s.oldest().get(0);
            b.append(age(o.ageMicros())).append(' ').append(field(o.requestId())).append(' ').append(field(o.endpoint()));
            if (o.requestEnded()) {
                b.append(" (ended)");
            }
        }
        String line = width > 0 && b.length() > width ? b.substring(0, Math.max(width - 1, 0)) + "…" : b.toString();
        if (!color || line.length() < levelAt + level.length()) {
            return line;
        }
        return line.substring(0, levelAt) + colored(s.level(), level) + line.substring(levelAt + level.length());
    }

    /** A figure that may be unknown (-1): {@code n/a}, never 0 (issue #15). */
    static String na(int value) {
        return value < 0 ? "n/a" : Integer.toString(value);
    }

    /** A duration for people: {@code 850ms}, {@code 42s}, {@code 12m05s}, {@code 3h02m}, {@code 2d04h}. */
    public static String age(long micros) {
        if (micros < 0) {
            return "?";
        }
        long s = micros / 1_000_000;
        if (s < 1) {
            return micros / 1000 + "ms";
        } else if (s < 60) {
            return s + "s";
        } else if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        } else if (s < 86_400) {
            return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
        }
        return String.format(Locale.ROOT, "%dd%02dh", s / 86_400, s % 86_400 / 3600);
    }

    /** Log text made safe and short for one terminal line. */
    static String field(String s) {
        String clean = Terminal.clean(s);
        return clean.length() > FIELD_MAX ? clean.substring(0, FIELD_MAX - 1) + "…" : clean;
    }

    static String colored(Level level, String text) {
        String code = switch (level) {
            case OK -> "32";
            case WARNING -> "33";
            case CRITICAL -> "1;31";
        };
        return "\u001b[" + code + "m" + text + "\u001b[0m";
    }
}
