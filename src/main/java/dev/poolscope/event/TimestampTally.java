package dev.poolscope.event;

import java.util.HashMap;
import java.util.Map;

/** Counts the zone designators and unreadable values of the timestamps one decoder sees. */
public final class TimestampTally {
    /** A log has one or two zones; many means hostile or broken input, which must not grow memory. */
    static final int MAX_ZONES = 16;
    static final String OTHER = "other";

    /** Mutable counters: one lookup and no boxing per line. */
    private final Map<String, long[]> zones = new HashMap<>();
    private long unreadable;
    private long withoutZone;
    /** The counter of "Z", the zone of nearly every line, kept at hand. */
    private long[] utc;

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
        noteZone(zone);
    }

    /** A readable timestamp with this zone designator. */
    void noteZone(String zone) {
        counter(zone)[0]++;
    }

    /** A readable timestamp in UTC ("Z"), read by the decoder without a String. */
    void noteUtc() {
        if (utc == null) {
            utc = counter("Z");
        }
        utc[0]++;
    }

    private long[] counter(String zone) {
        long[] count = zones.get(zone);
        if (count == null) {
            count = zones.computeIfAbsent(zones.size() >= MAX_ZONES ? OTHER : zone, k -> new long[1]);
        }
        return count;
    }

    public TimestampNotes snapshot() {
        Map<String, Long> counts = new HashMap<>();
        zones.forEach((zone, n) -> counts.put(zone, n[0]));
        return new TimestampNotes(unreadable, withoutZone, counts);
    }
}
