package dev.poolscope.event;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the timestamps of an input looked like: the analysis works in UTC microseconds, so this is
 * how a report can say which zones it converted from and which times it could not read.
 *
 * @param unreadable  time fields present but not a timestamp poolscope reads (counted as missing)
 * @param withoutZone ISO times without a zone or offset, read as UTC
 * @param zones       events per zone designator as written ({@code Z}, {@code +02:00}, {@code epoch}),
 *                    at most {@link TimestampTally#MAX_ZONES} of them, the rest under {@code other}
 */
public record TimestampNotes(long unreadable, long withoutZone, Map<String, Long> zones) {

    public TimestampNotes {
        zones = Map.copyOf(zones);
    }

    public static TimestampNotes empty() {
        return new TimestampNotes(0, 0, Map.of());
    }

    /** Notes of two decoders taken together (parallel decoding keeps one per thread). */
    public TimestampNotes plus(TimestampNotes o) {
        Map<String, Long> all = new TreeMap<>(zones);
        o.zones.forEach((zone, n) -> all.merge(zone, n, Long::sum));
        return new TimestampNotes(unreadable + o.unreadable, withoutZone + o.withoutZone, all);
    }

    /** Zones sorted by name, for deterministic reports. */
    public Map<String, Long> sortedZones() {
        return new TreeMap<>(zones);
    }
}
