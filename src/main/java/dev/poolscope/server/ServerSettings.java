package dev.poolscope.server;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to read and join the server's log.
 *
 * @param prefixes       the {@code log_line_prefix} of stderr logs ({@code --pg-prefix}), or the common ones
 * @param maxConnections the server's {@code max_connections} ({@code --pg-max-connections}); null if not given:
 *                       the server never logs it
 * @param application    the app's {@code application_name} ({@code --pg-application}); null joins every session
 * @param skew           clock offset tolerated between the app's host and the server's ({@code --pg-clock-skew})
 */
public record ServerSettings(List<LogLinePrefix> prefixes, Integer maxConnections, String application,
                             Duration skew) {
    /** Hosts kept in sync by NTP are within milliseconds; containers and VMs without it drift by seconds. */
    public static final Duration DEFAULT_SKEW = Duration.ofSeconds(5);

    public ServerSettings {
        prefixes = List.copyOf(prefixes);
        if (prefixes.isEmpty()) {
            throw new IllegalArgumentException("at least one log_line_prefix is needed");
        }
        Objects.requireNonNull(skew, "skew");
        if (skew.isNegative()) {
            throw new IllegalArgumentException("clock skew must not be negative: " + skew);
        }
        if (maxConnections != null && maxConnections < 1) {
            throw new IllegalArgumentException("max_connections must be at least 1, got " + maxConnections);
        }
    }

    public static ServerSettings defaults() {
        return new ServerSettings(LogLinePrefix.common(), null, null, DEFAULT_SKEW);
    }

    long skewMicros() {
        return skew.toNanos() / 1000;
    }
}
