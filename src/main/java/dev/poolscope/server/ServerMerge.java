package dev.poolscope.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The server's figures of one summary followed by a later one's (docs/summaries.md). Counts add; capped lists
 * keep the first items; refusal windows closer than the merge gap across the seam join; a session open at the
 * earlier end and disconnected in the later one (same pid) is one session, not two, named as one pass names it.
 */
public final class ServerMerge {
    private ServerMerge() {}

    /** A server result and what its sessions carry. */
    public record Part(ServerResult result, SessionCarry carry) {}

    public static Part merge(Part e, Part l, int maxItems, long windowGap) {
        ServerResult a = e.result();
        ServerResult b = l.result();
        Map<Integer, SessionCarry.Session> open = new LinkedHashMap<>();
        e.carry().open().forEach(s -> open.put(s.pid(), s));
        Map<Integer, SessionCarry.Session> before = new HashMap<>(open);
        List<SessionCarry.Session[]> matched = new ArrayList<>();
        List<SessionCarry.Session> endedBefore = new ArrayList<>(e.carry().endedBefore());
        for (SessionCarry.Session end : l.carry().endedBefore()) {
            SessionCarry.Session o = open.remove(end.pid());
            if (o != null) {
                matched.add(new SessionCarry.Session[] {o, end});
            } else if (endedBefore.size() < SessionCarry.MAX) {
                endedBefore.add(end);
            }
        }
        List<SessionCarry.Session> stillOpen = new ArrayList<>(open.values());
        l.carry().open().stream().limit(Math.max(0, SessionCarry.MAX - stillOpen.size())).forEach(stillOpen::add);
        SessionCarry ca = e.carry();
        SessionCarry cb = l.carry();
        boolean laterPeak = cb.peakLevel() != Long.MIN_VALUE
                && (ca.peakLevel() == Long.MIN_VALUE || ca.level() + cb.peakLevel() > ca.peakLevel());
        SessionCarry carry = new SessionCarry(ca.level() + cb.level(),
                laterPeak ? ca.level() + cb.peakLevel() : ca.peakLevel(), laterPeak ? cb.peakAt() : ca.peakAt(),
                stillOpen, endedBefore);
        Map<String, String> formats = new LinkedHashMap<>(a.formats());
        formats.putAll(b.formats());
        ServerResult r = new ServerResult(formats, a.records() + b.records(), a.unparsedLines() + b.unparsedLines(),
                a.unknownZones() + b.unknownZones(), min(a.from(), b.from()), max(a.to(), b.to()),
                sessions(a.sessions(), b.sessions(), carry, matched, ca.level()), a.tooManyClients() + b.tooManyClients(),
                sorted(add(a.tooManyClientsByMessage(), b.tooManyClientsByMessage())),
                windows(a.tooManyClientsWindows(), b.tooManyClientsWindows(), maxItems, windowGap),
                first(a.refusals(), b.refusals(), maxItems), a.idleInTransactionKills() + b.idleInTransactionKills(),
                a.eofInTransaction() + b.eofInTransaction(),
                first(a.heldInTransaction(), losses(b.heldInTransaction(), before), maxItems),
                a.statementTimeouts() + b.statementTimeouts(), a.userCancels() + b.userCancels(),
                statements(a.timeoutsByStatement(), b.timeoutsByStatement()),
                first(a.timeoutItems(), b.timeoutItems(), maxItems), sorted(add(a.otherLosses(), b.otherLosses())),
                first(a.otherLossItems(), losses(b.otherLossItems(), before), maxItems),
                applications(a.byApplication(), b.byApplication(), matched));
        return new Part(r, carry);
    }

    /** @param shift the earlier summary's level at its end, which the later one's concurrency starts from */
    private static SessionFigures sessions(SessionFigures a, SessionFigures b, SessionCarry carry,
                                           List<SessionCarry.Session[]> matched, long shift) {
        long n = matched.size();
        long authorizations = a.authorizations() + b.authorizations();
        long disconnections = a.disconnections() + b.disconnections();
        long beganBefore = a.beganBeforeLog() + b.beganBeforeLog() - n;
        Long count = a.count() == null && b.count() == null ? null
                : (a.count() == null ? 0 : a.count()) + (b.count() == null ? 0 : b.count()) - n;
        Long peak = authorizations > 0 && disconnections > 0 && carry.peakLevel() != Long.MIN_VALUE
                ? Math.max(0, carry.peakLevel() + beganBefore) : null;
        Map<String, Long> users = add(a.byUser(), b.byUser());
        Map<String, Long> databases = add(a.byDatabase(), b.byDatabase());
        Map<String, Long> clients = add(a.byClient(), b.byClient());
        for (SessionCarry.Session[] m : matched) {   // counted open in one, ended in the other: once, as one pass names it
            SessionCarry.Session o = m[0];
            SessionCarry.Session r = m[1];
            recount(users, o.user(), r.user(), o.user() != null ? o.user() : r.user());
            recount(databases, o.database(), r.database(), o.database() != null ? o.database() : r.database());
            recount(clients, o.host(), r.host(), o.host() != null ? o.host() : r.host());
        }
        List<SessionRow> longest = new ArrayList<>(a.longest());
        for (SessionRow row : b.longest()) {   // a session begun in the earlier summary: its start as authorized there
            SessionCarry.Session[] m = matched.stream().filter(x -> x[1].pid() == row.pid() && x[1].time() == row.end())
                    .findFirst().orElse(null);
            longest.add(m == null || m[0].time() == ServerRecord.NO_TIME ? row : new SessionRow(row.pid(),
                    row.application(), row.user(), row.database(), row.client(), m[0].time(), row.end(),
                    row.lengthMicros()));
        }
        longest.sort(Comparator.comparingLong(SessionRow::lengthMicros).reversed().thenComparingLong(SessionRow::start));
        SessionLengths lengths = a.lengths() == null ? b.lengths() : b.lengths() == null ? a.lengths()
                : a.lengths().plus(b.lengths());
        List<ConcurrencyPoint> series = new ArrayList<>(a.concurrency());
        b.concurrency().forEach(p -> series.add(new ConcurrencyPoint(p.start(), Math.max(0, p.sessions() + shift))));
        ConcurrencySeries merged = new ConcurrencySeries();
        series.forEach(p -> merged.note(p.start(), p.sessions()));
        return new SessionFigures(a.connectionsReceived() + b.connectionsReceived(), authorizations, disconnections,
                count, beganBefore, a.openAtEnd() - n + b.openAtEnd(), peak,
                peak == null ? ServerRecord.NO_TIME : carry.peakAt(),
                a.maxConnections() != null ? a.maxConnections() : b.maxConnections(), lengths,
                longest.subList(0, Math.min(SessionTracker.LONGEST, longest.size())), sorted(users), sorted(databases),
                sorted(clients), merged.points(), merged.width());
    }

    /** Later losses of sessions that began in the earlier summary learn their start, as in one pass. */
    private static List<SessionLoss> losses(List<SessionLoss> later, Map<Integer, SessionCarry.Session> open) {
        List<SessionLoss> out = new ArrayList<>();
        for (SessionLoss l : later) {
            SessionCarry.Session o = open.get(l.pid());
            if (o == null || l.sessionStart() != ServerRecord.NO_TIME || o.time() == ServerRecord.NO_TIME) {
                out.add(l);
                continue;
            }
            out.add(new SessionLoss(l.kind(), l.time(), l.pid(), or(l.application(), o.application()),
                    or(l.user(), o.user()), or(l.database(), o.database()), or(l.client(), o.host()), o.time(),
                    l.time() == ServerRecord.NO_TIME ? -1 : l.time() - o.time(), l.source(), l.line()));
        }
        return out;
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }

    private static void recount(Map<String, Long> counts, String openKey, String endKey, String oneKey) {
        down(counts, key(openKey));
        down(counts, key(endKey));
        counts.merge(key(oneKey), 1L, Long::sum);
    }

    private static void down(Map<String, Long> counts, String key) {
        counts.computeIfPresent(key, (k, v) -> v > 1 ? v - 1 : null);
    }

    private static String key(String name) {
        return name == null ? CappedCounts.UNKNOWN : name;
    }

    private static List<RefusalWindow> windows(List<RefusalWindow> a, List<RefusalWindow> b, int maxItems, long gap) {
        List<RefusalWindow> out = new ArrayList<>(a);
        for (RefusalWindow w : b) {
            RefusalWindow last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && w.start() - last.end() <= gap) {
                out.set(out.size() - 1, new RefusalWindow(last.start(), w.end(), last.refusals() + w.refusals()));
            } else if (out.size() < maxItems) {
                out.add(w);
            }
        }
        return out;
    }

    private static List<StatementRow> statements(List<StatementRow> a, List<StatementRow> b) {
        Map<List<String>, StatementRow> rows = new LinkedHashMap<>();
        for (StatementRow r : a) {
            rows.put(java.util.Arrays.asList(r.statement(), r.application()), r);
        }
        for (StatementRow r : b) {
            List<String> k = java.util.Arrays.asList(r.statement(), r.application());
            if (!rows.containsKey(k) && rows.size() >= CappedCounts.MAX_NAMES) {
                k = java.util.Arrays.asList(CappedCounts.OTHER, null);
            }
            StatementRow before = rows.get(k);
            rows.put(k, before == null ? new StatementRow(k.get(0), k.get(1), r.count(), r.example())
                    : new StatementRow(k.get(0), k.get(1), before.count() + r.count(),
                    before.example() != null ? before.example() : r.example()));
        }
        List<StatementRow> out = new ArrayList<>(rows.values());
        out.sort(StatementTally.order());
        return out;
    }

    private static List<ApplicationRow> applications(List<ApplicationRow> a, List<ApplicationRow> b,
                                                     List<SessionCarry.Session[]> matched) {
        Map<String, long[]> rows = new LinkedHashMap<>();
        for (ApplicationRow r : a) {
            add(rows, r);
        }
        for (ApplicationRow r : b) {
            add(rows, r);
        }
        for (SessionCarry.Session[] m : matched) {
            String one = m[1].application() != null ? m[1].application() : m[0].application();
            sessions(rows, m[0].application(), -1);
            sessions(rows, m[1].application(), -1);
            sessions(rows, one, +1);
        }
        List<ApplicationRow> out = new ArrayList<>();
        rows.forEach((name, c) -> {
            if (c[0] != 0 || c[1] != 0 || c[2] != 0 || c[3] != 0 || c[4] != 0 || c[5] != 0) {
                out.add(new ApplicationRow(name, c[0], c[1], c[2], c[3], c[4], c[5]));
            }
        });
        out.sort(Comparator.comparingLong(ApplicationRow::sessions).reversed().thenComparing(ApplicationRow::application));
        return out;
    }

    private static void add(Map<String, long[]> rows, ApplicationRow r) {
        String name = rows.containsKey(r.application()) || rows.size() < CappedCounts.MAX_NAMES ? r.application()
                : CappedCounts.OTHER;
        long[] c = rows.computeIfAbsent(name, k -> new long[6]);
        c[0] += r.sessions();
        c[1] += r.idleInTransactionKills();
        c[2] += r.eofInTransaction();
        c[3] += r.tooManyClients();
        c[4] += r.statementTimeouts();
        c[5] += r.otherLosses();
    }

    private static void sessions(Map<String, long[]> rows, String app, long delta) {
        rows.computeIfAbsent(key(app), k -> new long[6])[0] += delta;
    }

    private static <T> List<T> first(List<T> a, List<T> b, int maxItems) {
        List<T> out = new ArrayList<>(a);
        b.stream().limit(Math.max(0, maxItems - a.size())).forEach(out::add);
        return out;
    }

    private static Map<String, Long> add(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> out = new HashMap<>(a);
        b.forEach((k, v) -> out.merge(k, v, Long::sum));
        return out;
    }

    /** Most first, then by name, as the analysis orders them. */
    private static Map<String, Long> sorted(Map<String, Long> m) {
        CappedCounts c = new CappedCounts();
        m.forEach((k, v) -> c.add(Objects.equals(k, CappedCounts.UNKNOWN) ? null : k, v));
        return c.sorted();
    }

    private static long min(long a, long b) {
        return a == ServerRecord.NO_TIME ? b : b == ServerRecord.NO_TIME ? a : Math.min(a, b);
    }

    private static long max(long a, long b) {
        return a == ServerRecord.NO_TIME ? b : b == ServerRecord.NO_TIME ? a : Math.max(a, b);
    }
}
