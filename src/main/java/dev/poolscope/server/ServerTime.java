package dev.poolscope.server;

import dev.poolscope.event.PoolEvent;
import dev.poolscope.event.Timestamps;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * PostgreSQL's log times: {@code 2026-12-05 04:09:45.789 UTC} ({@code %m}, csvlog, jsonlog), the same in
 * whole seconds ({@code %t}), or epoch seconds with milliseconds ({@code %n}). The zone is
 * {@code log_timezone}'s abbreviation or a numeric offset ({@code +03}, {@code -0530}).
 */
final class ServerTime {
    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("z", Locale.ROOT);
    private final Map<String, ZoneId> zones = new HashMap<>();
    private long unknownZones;

    /** Microseconds since the epoch, or {@link ServerRecord#NO_TIME}. A zone we cannot read counts as UTC. */
    long parse(String text) {
        if (text == null || text.isEmpty()) {
            return ServerRecord.NO_TIME;
        }
        int space = text.lastIndexOf(' ');
        if (space <= 10) {   // no zone: an epoch (%n) or a bare date-time
            return orNone(Timestamps.parse(text));
        }
        long local = Timestamps.parse(text.substring(0, space));
        if (local == PoolEvent.NO_TIME) {
            return ServerRecord.NO_TIME;
        }
        ZoneId zone = zone(text.substring(space + 1));
        if (zone == null) {
            unknownZones++;
            return local;
        }
        LocalDateTime at = LocalDateTime.ofEpochSecond(Math.floorDiv(local, 1_000_000L), 0, ZoneOffset.UTC);
        long offsetSeconds = zone.getRules().getOffset(at).getTotalSeconds();
        return local - offsetSeconds * 1_000_000L;
    }

    /** Times whose zone name was not understood (read as UTC). */
    long unknownZones() {
        return unknownZones;
    }

    private ZoneId zone(String name) {
        return zones.computeIfAbsent(name, ServerTime::zoneOf);
    }

    private static ZoneId zoneOf(String name) {
        if (name.equals("UTC") || name.equals("GMT") || name.equals("Z")) {
            return ZoneOffset.UTC;
        }
        char c = name.charAt(0);
        if (c == '+' || c == '-') {
            String digits = name.substring(1).replace(":", "");
            try {
                int hours = Integer.parseInt(digits.substring(0, Math.min(2, digits.length())));
                int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
                int sign = c == '-' ? -1 : 1;
                return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
            } catch (RuntimeException e) {
                return null;
            }
        }
        try {
            return ZONE_NAME.parse(name, java.time.ZoneId::from);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static long orNone(long t) {
        return t == PoolEvent.NO_TIME ? ServerRecord.NO_TIME : t;
    }
}
