package dev.poolscope.cli;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;

/** Reads {@code 500ms}, {@code 60s}, {@code 5m}, {@code 1h} or a plain number of seconds. */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        try {
            if (v.endsWith("ms")) {
                return Duration.ofNanos(Math.round(Double.parseDouble(v.substring(0, v.length() - 2)) * 1e6));
            }
            double factor = switch (v.isEmpty() ? ' ' : v.charAt(v.length() - 1)) {
                case 's' -> 1;
                case 'm' -> 60;
                case 'h' -> 3600;
                case 'd' -> 86_400;
                default -> 0;
            };
            String number = factor == 0 ? v : v.substring(0, v.length() - 1);
            double seconds = Double.parseDouble(number) * (factor == 0 ? 1 : factor);
            if (seconds < 0 || Double.isNaN(seconds) || Double.isInfinite(seconds)) {
                throw new NumberFormatException();
            }
            return Duration.ofNanos(Math.round(seconds * 1e9));
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not a duration (examples: 500ms, 60s, 5m, 1h)");
        }
    }
}
