package dev.poolscope.gate;

import dev.poolscope.analysis.Level;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Decides when a level change becomes an alert. Every change is one, except that an alert announcing the
 * same level is not sent again within the cooldown: a pool flapping around a threshold alerts once, not
 * every interval. A change held back is not lost: once the cooldown has passed, if the level still
 * differs from the last one announced, that alert goes out then. A first status of {@code ok} is the
 * baseline; any other first level alerts at once (with no previous level).
 */
public final class AlertGate {
    private final long cooldownMicros;
    private final Map<Level, Long> lastSent = new EnumMap<>(Level.class);
    private Level announced;      // null until the first status: then ok is the baseline, anything else alerts
    private Level observed;
    private long suppressed;
    private long sent;

    public AlertGate(Duration cooldown) {
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("cooldown must not be negative: " + cooldown);
        }
        this.cooldownMicros = cooldown.toNanos() / 1_000;
    }

    /** The alert to send for the level seen at {@code now} (any monotonic micros), or null. */
    public Alert offer(Level level, long now) {
        boolean changed = observed != null && level != observed;
        observed = level;
        if (announced == null && level == Level.OK) {
            announced = Level.OK;
            return null;
        }
        Long last = lastSent.get(level);
        if (level == announced || (last != null && now - last < cooldownMicros)) {
            if (changed) {
                suppressed++;   // a change nobody was told about, e.g. a flap that went back
            }
            return null;
        }
        Alert alert = new Alert(announced, level, now, suppressed);
        announced = level;
        lastSent.put(level, now);
        suppressed = 0;
        sent++;
        return alert;
    }

    public long sent() {
        return sent;
    }

    /** Changes currently held back by the cooldown. */
    public long suppressed() {
        return suppressed;
    }
}
