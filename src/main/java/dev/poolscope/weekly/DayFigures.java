package dev.poolscope.weekly;

import dev.poolscope.analysis.Level;
import java.time.LocalDate;

/**
 * One day's health figures (or a whole range's, as totals).
 *
 * @param date                 the day, or the range's first day for totals
 * @param hasData              any minute of the day has events
 * @param requestsWithoutClose distinct requests with a checkout taken that day and never returned
 * @param leakedCheckouts      checkouts taken that day and never returned (also those without a request id)
 * @param peakUsed             highest pool used of any process, or -1
 * @param aboveCriticalMicros  time processes spent above the critical pool-used threshold, summed
 * @param verdict              the day's health (for totals: the worst day's); null without data
 */
public record DayFigures(LocalDate date, boolean hasData, long getconn, long putconn, long requestsWithoutClose,
                         long leakedCheckouts, int peakUsed, long aboveCriticalMicros, long getconnFailed,
                         long statementTimeouts, Level verdict) {

    public long leakDelta() {
        return getconn - putconn;
    }

    public double minutesAboveCritical() {
        return aboveCriticalMicros / 60e6;
    }
}
