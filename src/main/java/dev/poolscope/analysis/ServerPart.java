package dev.poolscope.analysis;

import dev.poolscope.event.EventKind;
import dev.poolscope.event.PoolEvent;
import dev.poolscope.server.AppLeak;
import dev.poolscope.server.AppSide;
import dev.poolscope.server.Join;
import dev.poolscope.server.LogLinePrefix;
import dev.poolscope.server.ServerMerge;
import dev.poolscope.server.ServerResult;
import dev.poolscope.server.ServerSettings;
import dev.poolscope.server.ServerView;
import dev.poolscope.server.SessionCarry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The server's side of a summary (issue #18, docs/summaries.md): PostgreSQL's figures and what its sessions
 * carry to the next summary, or null without a server log; and the app's side of the join, kept whether or not
 * a server log was read, so that a merge of app summaries with server summaries joins them as one pass would.
 *
 * @param server       the server log's figures, or null when none was read
 * @param appRead      whether an app log was read (a join needs one)
 * @param failedTimes  times of failed getconns, in input order (at most {@link Marks#MAX})
 * @param timeoutTimes times of statement timeouts, in input order (at most {@link Marks#MAX})
 */
public record ServerPart(Server server, boolean appRead, List<Long> failedTimes, long failedTotal,
                         List<Long> timeoutTimes, long timeoutTotal) {

    public ServerPart {
        failedTimes = List.copyOf(failedTimes);
        timeoutTimes = List.copyOf(timeoutTimes);
    }

    /**
     * The server log's figures and the settings of the join: {@code --pg-application} (null: every session),
     * {@code --pg-clock-skew}.
     */
    public record Server(ServerResult result, SessionCarry carry, String application, long skewMicros) {}

    public static ServerPart empty() {
        return new ServerPart(null, false, List.of(), 0, List.of(), 0);
    }

    /** The same with the server log of the read (null: none), and whether an app log was read with it. */
    public ServerPart with(Server s, boolean app) {
        return new ServerPart(s, app, failedTimes, failedTotal, timeoutTimes, timeoutTotal);
    }

    /** This summary's server side followed by a later one's. */
    ServerPart merge(ServerPart l, int maxItems, long windowGap) {
        Server s = server;
        if (s == null) {
            s = l.server;
        } else if (l.server != null) {
            if (!java.util.Objects.equals(s.application(), l.server.application()) || s.skewMicros() != l.server.skewMicros()) {
                throw new IllegalArgumentException("summaries were made with different server settings (--pg-application "
                        + s.application() + ", skew " + s.skewMicros() + " µs vs " + l.server.application() + ", "
                        + l.server.skewMicros() + " µs)");
            }
            ServerMerge.Part p = ServerMerge.merge(new ServerMerge.Part(s.result(), s.carry()),
                    new ServerMerge.Part(l.server.result(), l.server.carry()), maxItems, windowGap);
            s = new Server(p.result(), p.carry(), s.application(), s.skewMicros());
        }
        return new ServerPart(s, appRead || l.appRead, capped(failedTimes, l.failedTimes), failedTotal + l.failedTotal,
                capped(timeoutTimes, l.timeoutTimes), timeoutTotal + l.timeoutTotal);
    }

    private static List<Long> capped(List<Long> a, List<Long> b) {
        List<Long> out = new ArrayList<>(a);
        b.stream().limit(Math.max(0, Marks.MAX - a.size())).forEach(out::add);
        return out;
    }

    /** The diagnosis with the server's view (and the join, when app and server logs were both read). */
    Diagnosis attach(Diagnosis d) {
        if (server == null) {
            return d;
        }
        var join = appRead ? Join.of(server.result(), appSide(d), settings(d)) : null;
        return d.withServer(new ServerView(server.result(), join));
    }

    private AppSide appSide(Diagnosis d) {
        List<AppLeak> leaks = new ArrayList<>();
        for (LeakItem l : d.checkouts().leaks()) {
            leaks.add(new AppLeak(l.acquiredAt(), l.process(), l.requestId(), l.endpoint()));
        }
        long[] f = failedTimes.stream().mapToLong(Long::longValue).toArray();
        long[] t = timeoutTimes.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(f);
        Arrays.sort(t);
        return new AppSide(leaks, d.checkouts().leakedCheckouts(), f, failedTotal, t, timeoutTotal);
    }

    private ServerSettings settings(Diagnosis d) {
        return new ServerSettings(LogLinePrefix.common(), server.result().sessions().maxConnections(),
                server.application(), Duration.ofNanos(server.skewMicros() * 1000));
    }

    /** The app's failed getconns and statement timeouts, as {@code server.AppMarks} collects them for a join. */
    static final class Marks {
        static final int MAX = 100_000;
        private final List<Long> failed = new ArrayList<>();
        private final List<Long> timeouts = new ArrayList<>();
        private long failedTotal;
        private long timeoutTotal;

        void accept(PoolEvent e) {
            if (e.kind() == EventKind.CHECKOUT_FAILED) {
                failedTotal++;
                if (e.hasTime() && failed.size() < MAX) {
                    failed.add(e.time());
                }
            }
            if (e.statementTimeout()) {
                timeoutTotal++;
                if (e.hasTime() && timeouts.size() < MAX) {
                    timeouts.add(e.time());
                }
            }
        }

        ServerPart part() {
            return new ServerPart(null, false, failed, failedTotal, timeouts, timeoutTotal);
        }
    }
}
