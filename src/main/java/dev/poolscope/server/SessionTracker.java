package dev.poolscope.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.PriorityQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sessions from {@code connection received}, {@code connection authorized} and {@code disconnection} lines,
 * joined by pid: the authorized line has user, database and application_name in its text, the
 * disconnection line the session time and (jsonlog, csvlog, {@code %a}) the application. A pid refused after
 * authorization (53300) is not a session. Memory: the open sessions, at most {@link #MAX_OPEN}.
 */
final class SessionTracker {
    static final int MAX_OPEN = 100_000;
    static final int LONGEST = 10;
    private static final Pattern AUTHORIZED = Pattern.compile(
            "user=(\\S*)(?: database=(\\S*))?(?: application_name=(.*?))?(?: SSL enabled \\(.*| GSS \\(.*)?$");
    private static final Pattern SESSION_TIME = Pattern.compile("session time: (\\d+):(\\d{2}):(\\d{2})\\.(\\d{3})");
    private static final Pattern HOST = Pattern.compile("host=(\\S+)");

    private final LinkedHashMap<Integer, Open> open = new LinkedHashMap<>();
    private final SessionLengths lengths = new SessionLengths();
    private final PriorityQueue<SessionRow> longest =
            new PriorityQueue<>(Comparator.comparingLong(SessionRow::lengthMicros));
    private final CappedCounts byUser = new CappedCounts();
    private final CappedCounts byDatabase = new CappedCounts();
    private final CappedCounts byClient = new CappedCounts();
    private final CappedCounts byApplication = new CappedCounts();
    private final ConcurrencySeries series = new ConcurrencySeries();
    private long received;
    private long authorizations;
    private long disconnections;
    private long closed;
    private long beganBefore;
    private long forgotten;
    /** Authorized minus ended sessions (including those begun before the log): the peak adds those back. */
    private long level;
    private long peakLevel = Long.MIN_VALUE;
    private long peakAt = ServerRecord.NO_TIME;
    private final List<SessionCarry.Session> endedBefore = new ArrayList<>();

    /** A session whose start the log showed, until its end. */
    static final class Open {
        long start = ServerRecord.NO_TIME;
        boolean authorized;
        String application;
        String user;
        String database;
        String host;
        /** Losses of this session waiting to learn how long it lived (its disconnection line says). */
        final List<java.util.function.LongConsumer> onEnd = new ArrayList<>(1);
    }

    Open get(int pid) {
        return open.get(pid);
    }

    void received(ServerRecord r) {
        received++;
        Open stale = open.remove(r.pid());
        if (stale != null && stale.authorized) {
            end(stale, r.time(), -1, ServerRecord.NO_PID);   // pid reused: the old session ended without a disconnection line
        }
        Open o = new Open();
        o.start = r.time();
        o.host = r.host() != null ? r.host() : group(HOST.matcher(r.message()), 1);
        put(r.pid(), o);
    }

    void authorized(ServerRecord r) {
        authorizations++;
        Open o = open.get(r.pid());
        if (o == null || o.authorized) {
            o = new Open();
            o.host = r.host();
            put(r.pid(), o);
        }
        o.authorized = true;
        o.start = r.time();
        Matcher m = AUTHORIZED.matcher(r.message().substring(r.message().indexOf(':') + 1).strip());
        if (m.matches()) {
            o.user = ServerRecord.known(m.group(1));
            o.database = ServerRecord.known(m.group(2));
            o.application = ServerRecord.known(m.group(3));
        }
        o.user = o.user == null ? r.user() : o.user;
        o.database = o.database == null ? r.database() : o.database;
        o.application = o.application == null ? r.application() : o.application;
        change(+1, r.time());
    }

    /** A 53300 refusal: the pid never becomes a session; returns what was known of it, or null. */
    Open refused(ServerRecord r) {
        Open o = open.remove(r.pid());
        if (o != null && o.authorized) {
            change(-1, r.time());
        }
        return o;
    }

    void disconnected(ServerRecord r) {
        disconnections++;
        Open o = open.remove(r.pid());
        boolean before = o == null || !o.authorized;
        if (before) {
            beganBefore++;
            o = o == null ? new Open() : o;
        }
        Matcher t = SESSION_TIME.matcher(r.message());
        long lengthMillis = t.find() ? ((Long.parseLong(t.group(1)) * 60 + Long.parseLong(t.group(2))) * 60
                + Long.parseLong(t.group(3))) * 1000 + Long.parseLong(t.group(4)) : -1;
        if (o.start == ServerRecord.NO_TIME && lengthMillis >= 0 && r.hasTime()) {
            o.start = r.time() - lengthMillis * 1000;
        }
        o.application = r.application() != null ? r.application() : o.application;
        o.user = o.user == null ? r.user() : o.user;
        o.database = o.database == null ? r.database() : o.database;
        o.host = o.host == null ? r.host() : o.host;
        end(o, r.time(), lengthMillis, r.pid());
        change(-1, r.time());
        if (before && endedBefore.size() < SessionCarry.MAX) {
            endedBefore.add(new SessionCarry.Session(r.pid(), r.time(), o.application, o.user, o.database, o.host));
        }
    }

    /** For a summary: the level, the sessions open now, the ends of sessions begun before. */
    SessionCarry carry() {
        List<SessionCarry.Session> still = new ArrayList<>();
        open.forEach((pid, o) -> {
            if (o.authorized && still.size() < SessionCarry.MAX) {
                still.add(new SessionCarry.Session(pid, o.start, o.application, o.user, o.database, o.host));
            }
        });
        return new SessionCarry(level, peakLevel, peakAt, still, endedBefore);
    }

    private void end(Open o, long time, long lengthMillis, int pid) {
        closed++;
        count(o);
        if (lengthMillis >= 0) {
            lengths.record(lengthMillis);
            keepLongest(new SessionRow(pid, o.application, o.user, o.database, o.host, o.start, time,
                    lengthMillis * 1000));
        }
        long lived = lengthMillis >= 0 ? lengthMillis * 1000
                : o.start != ServerRecord.NO_TIME && time != ServerRecord.NO_TIME ? time - o.start : -1;
        o.onEnd.forEach(c -> c.accept(lived));
        o.onEnd.clear();
    }

    private void count(Open o) {
        byApplication.add(o.application, 1);
        byUser.add(o.user, 1);
        byDatabase.add(o.database, 1);
        byClient.add(o.host, 1);
    }

    private void keepLongest(SessionRow row) {
        longest.add(row);
        if (longest.size() > LONGEST) {
            longest.poll();
        }
    }

    private void change(int delta, long time) {
        level += delta;
        if (level > peakLevel) {
            peakLevel = level;
            peakAt = time;
        }
        series.note(time, Math.max(0, level));
    }

    private void put(int pid, Open o) {
        open.put(pid, o);
        if (open.size() > MAX_OPEN) {   // disconnections not logged: forget the oldest, and say so
            Iterator<Open> it = open.values().iterator();
            it.next();
            it.remove();
            forgotten++;
        }
    }

    /** Sessions counted per application so far (closed ones, plus open ones at {@link #finish}). */
    CappedCounts applications() {
        return byApplication;
    }

    long forgotten() {
        return forgotten;
    }

    SessionFigures finish(Integer maxConnections) {
        long openAtEnd = 0;
        for (Open o : open.values()) {
            if (o.authorized) {
                openAtEnd++;
                count(o);
            }
        }
        boolean any = authorizations > 0 || disconnections > 0;
        Long count = any ? closed + openAtEnd : null;
        Long peak = authorizations > 0 && disconnections > 0 ? Math.max(0, peakLevel + beganBefore) : null;
        List<SessionRow> rows = new ArrayList<>(longest);
        rows.sort(Comparator.comparingLong(SessionRow::lengthMicros).reversed().thenComparingLong(SessionRow::start));
        return new SessionFigures(received, authorizations, disconnections, count, beganBefore, openAtEnd, peak,
                peak == null ? ServerRecord.NO_TIME : peakAt, maxConnections, disconnections > 0 ? lengths : null,
                rows, byUser.sorted(), byDatabase.sorted(), byClient.sorted(), series.points(), series.width());
    }

    private static String group(Matcher m, int g) {
        return m.find() ? m.group(g) : null;
    }
}
