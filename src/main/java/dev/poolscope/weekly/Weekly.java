package dev.poolscope.weekly;

import dev.poolscope.analysis.Endpoint;
import dev.poolscope.analysis.Health;
import dev.poolscope.analysis.LeakItem;
import dev.poolscope.analysis.Level;
import dev.poolscope.analysis.RequestKey;
import dev.poolscope.analysis.Summary;
import dev.poolscope.analysis.Thresholds;
import dev.poolscope.analysis.TimelineRow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Builds a {@link WeeklyReport} from finished summaries: pure arithmetic over minutes and leaks. */
public final class Weekly {
    public static final int WORST_ENDPOINTS = 10;

    private Weekly() {}

    /**
     * @param previous the previous period's data, or null
     */
    public static WeeklyReport build(Summary.Finished current, Summary.Finished previous, LocalDate from, LocalDate to,
                                     ZoneId zone, Thresholds thresholds) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("--to " + to + " is before --from " + from);
        }
        List<DayFigures> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(figures(current, d, d, zone, thresholds));
        }
        DayFigures totals = figures(current, from, to, zone, thresholds);
        Level worst = days.stream().filter(DayFigures::hasData).map(DayFigures::verdict).reduce(Level.OK, Level::worst);
        totals = withVerdict(totals, totals.hasData() ? worst : null);
        DayFigures worstDay = days.stream().filter(DayFigures::hasData).max(SEVERITY).orElse(null);
        DayFigures prev = null;
        if (previous != null) {
            long length = to.toEpochDay() - from.toEpochDay() + 1;
            LocalDate pFrom = from.minusDays(length);
            LocalDate pTo = from.minusDays(1);
            Level pWorst = Level.OK;
            for (LocalDate d = pFrom; !d.isAfter(pTo); d = d.plusDays(1)) {
                DayFigures f = figures(previous, d, d, zone, thresholds);
                pWorst = f.hasData() ? pWorst.worst(f.verdict()) : pWorst;
            }
            DayFigures p = figures(previous, pFrom, pTo, zone, thresholds);
            prev = withVerdict(p, p.hasData() ? pWorst : null);
        }
        List<TimelineRow> minutes = current.timeline().stream()
                .filter(r -> inRange(r.start(), from, to, zone)).toList();
        return new WeeklyReport(from, to, zone, thresholds, days, totals, worstDay,
                worstEndpoints(current, from, to, zone), prev, minutes, current.diagnosis().input().files(),
                current.notes());
    }

    /** Refused checkouts are what users felt (errors, 503s), so they rank first among equal verdicts. */
    private static final Comparator<DayFigures> SEVERITY = Comparator.comparing(DayFigures::verdict)
            .thenComparingLong(DayFigures::getconnFailed)
            .thenComparingLong(DayFigures::requestsWithoutClose)
            .thenComparingLong(DayFigures::aboveCriticalMicros)
            .thenComparingLong(DayFigures::statementTimeouts)
            .thenComparing(DayFigures::date, Comparator.reverseOrder());   // the earlier of equal days

    private static DayFigures figures(Summary.Finished f, LocalDate from, LocalDate to, ZoneId zone, Thresholds t) {
        long getconn = 0;
        long putconn = 0;
        long failed = 0;
        long timeouts = 0;
        long above = 0;
        int peak = -1;
        boolean data = false;
        for (TimelineRow r : f.timeline()) {
            if (inRange(r.start(), from, to, zone)) {
                data = true;
                getconn += r.getconn();
                putconn += r.putconn();
                failed += r.getconnFailed();
                timeouts += r.statementTimeouts();
                above += r.aboveMicros();
                peak = Math.max(peak, r.peakUsed());
            }
        }
        Set<RequestKey> requests = new HashSet<>();
        long leaked = 0;
        for (LeakItem l : f.leaks()) {
            if (l.acquiredAt() != dev.poolscope.event.PoolEvent.NO_TIME && inRange(l.acquiredAt(), from, to, zone)) {
                leaked++;
                if (l.requestId() != null) {
                    requests.add(new RequestKey(l.process(), l.requestId()));
                }
            }
        }
        Level verdict = data ? Health.evaluate(t, peak, getconn - putconn, requests.size()).verdict() : null;
        return new DayFigures(from, data, getconn, putconn, requests.size(), leaked, peak, above, failed, timeouts,
                verdict);
    }

    private static DayFigures withVerdict(DayFigures d, Level verdict) {
        return new DayFigures(d.date(), d.hasData(), d.getconn(), d.putconn(), d.requestsWithoutClose(),
                d.leakedCheckouts(), d.peakUsed(), d.aboveCriticalMicros(), d.getconnFailed(), d.statementTimeouts(),
                verdict);
    }

    private static List<EndpointWeek> worstEndpoints(Summary.Finished f, LocalDate from, LocalDate to, ZoneId zone) {
        Map<String, Set<RequestKey>> requests = new HashMap<>();
        Map<String, Long> leaked = new HashMap<>();
        Map<String, Long> timeouts = new TreeMap<>();
        for (LeakItem l : f.leaks()) {
            if (l.acquiredAt() != dev.poolscope.event.PoolEvent.NO_TIME && inRange(l.acquiredAt(), from, to, zone)) {
                String ep = Endpoint.orUnknown(l.endpoint());
                leaked.merge(ep, 1L, Long::sum);
                Set<RequestKey> set = requests.computeIfAbsent(ep, k -> new HashSet<>());
                if (l.requestId() != null) {
                    set.add(new RequestKey(l.process(), l.requestId()));
                }
            }
        }
        for (TimelineRow r : f.timeline()) {
            if (inRange(r.start(), from, to, zone)) {
                r.timeoutsByEndpoint().forEach((ep, n) -> timeouts.merge(ep, n, Long::sum));
            }
        }
        Set<String> names = new HashSet<>(leaked.keySet());
        names.addAll(timeouts.keySet());
        List<EndpointWeek> rows = new ArrayList<>();
        for (String ep : names) {
            rows.add(new EndpointWeek(ep, requests.getOrDefault(ep, Set.of()).size(), leaked.getOrDefault(ep, 0L),
                    timeouts.getOrDefault(ep, 0L)));
        }
        rows.sort(Comparator.comparingLong(EndpointWeek::requestsWithoutClose).reversed()
                .thenComparing(Comparator.comparingLong(EndpointWeek::leakedCheckouts).reversed())
                .thenComparing(Comparator.comparingLong(EndpointWeek::statementTimeouts).reversed())
                .thenComparing(EndpointWeek::endpoint));
        return rows.size() <= WORST_ENDPOINTS ? rows : rows.subList(0, WORST_ENDPOINTS);
    }

    /** A minute belongs to the day its start falls on in the zone (zones offset by whole minutes). */
    static boolean inRange(long micros, LocalDate from, LocalDate to, ZoneId zone) {
        LocalDate day = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L)).atZone(zone).toLocalDate();
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
