package dev.poolscope.event;

import java.util.HashMap;
import java.util.Map;

/** Counts the zone designators and unreadable values of the timestamps one decoder sees. */
public final class TimestampTally {
    /** A log has one or two zones; many means hostile or broken input, which must not grow memory. */
    static final int MAX_ZONES = 16;
    static final String OTHER = "other";

    private final Map<String, Long> zones = new HashMap<>();
    private long unreadable;
    private long withoutZone;

    void note(String text, long micros) {
        if (micros == PoolEvent.NO_TIME) {
            unreadable++;
            return;
        }
        String zone = Timestamps.zoneOf(text);
        if (zone == null) {
            withoutZone++;
            zone = "none (read as UTC)";
        }
        if (zones.size() >= MAX_ZONES && !zones.containsKey(zone)) {
            zone = OTHER;
        }
        zones.merge(zone, 1L, Long::sum);
    }

    public TimestampNotes snapshot() {
        return new TimestampNotes(unreadable, withoutZone, zones);
    }
}
