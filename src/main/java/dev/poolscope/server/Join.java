package dev.poolscope.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Matches the app's view with the server's (docs/metrics.md, "Server's view"). Pure.
 *
 * <ul>
 * <li>A leak matches the first later server kill or EOF in a transaction of the application whose session
 *     was open when the leak's checkout happened (both within the clock tolerance): the server ends leaked
 *     connections in the order they went idle, so the oldest unmatched leak goes first.</li>
 * <li>Failed getconns and statement timeouts match one to one in time order when they are at most the
 *     tolerance apart.</li>
 * </ul>
 */
public final class Join {
    private Join() {}

    public static JoinResult of(ServerResult server, AppSide app, ServerSettings settings) {
        String name = settings.application();
        long skew = settings.skewMicros();
        List<String> notes = new ArrayList<>();
        List<SessionLoss> losses = new ArrayList<>();
        for (SessionLoss l : server.heldInTransaction()) {
            if (ofApplication(l.application(), name)) {
                losses.add(l);
            }
        }
        List<AppLeak> leaks = new ArrayList<>(app.leaks());
        leaks.sort(Comparator.comparingLong(AppLeak::acquiredAt));
        boolean[] used = new boolean[leaks.size()];
        List<JoinResult.LeakPair> pairs = new ArrayList<>();
        List<SessionLoss> serverOnly = new ArrayList<>();
        for (SessionLoss loss : losses) {
            int i = firstLeak(leaks, used, loss, skew);
            if (i < 0) {
                serverOnly.add(loss);
            } else {
                used[i] = true;
                pairs.add(new JoinResult.LeakPair(leaks.get(i), loss));
            }
        }
        List<AppLeak> appOnly = new ArrayList<>();
        for (int i = 0; i < leaks.size(); i++) {
            if (!used[i]) {
                appOnly.add(leaks.get(i));
            }
        }
        long serverLosses = name == null ? server.heldInTransactionCount() : losses.size();
        JoinResult.Pair leakPair = pair(app.leakTotal(), serverLosses, pairs.size(), LEAK_WORDS);
        JoinResult.Pair connects = connects(server, app, name, skew);
        JoinResult.Pair timeouts = timeouts(server, app, name, skew, notes);
        notes(server, app, name, notes);
        return new JoinResult(name, skew, leakPair, pairs, appOnly, serverOnly, connects, timeouts, notes);
    }

    /** The oldest unmatched leak the loss can explain, or -1. */
    private static int firstLeak(List<AppLeak> leaks, boolean[] used, SessionLoss loss, long skew) {
        for (int i = 0; i < leaks.size(); i++) {
            long at = leaks.get(i).acquiredAt();
            if (used[i] || at == ServerRecord.NO_TIME) {
                continue;
            }
            boolean afterStart = loss.sessionStart() == ServerRecord.NO_TIME || at >= loss.sessionStart() - skew;
            boolean beforeEnd = loss.time() == ServerRecord.NO_TIME || at <= loss.time() + skew;
            if (afterStart && beforeEnd) {
                return i;
            }
        }
        return -1;
    }

    private static JoinResult.Pair connects(ServerResult server, AppSide app, String name, long skew) {
        List<Long> times = new ArrayList<>();
        long total = 0;
        for (Refusal r : server.refusals()) {
            if (r.application() == null || ofApplication(r.application(), name)) {   // "sorry, too many" has no name
                times.add(r.time());
                total++;
            }
        }
        long all = name == null ? server.tooManyClients() : total;
        return pair(app.failedTotal(), all, matched(app.failedTimes(), sorted(times), skew), CONNECT_WORDS);
    }

    private static JoinResult.Pair timeouts(ServerResult server, AppSide app, String name, long skew,
                                            List<String> notes) {
        List<Long> times = new ArrayList<>();
        for (ServerTimeout t : server.timeoutItems()) {
            if (ofApplication(t.application(), name)) {
                times.add(t.time());
            }
        }
        long all = name == null ? server.statementTimeouts() : times.size();
        if (server.timeoutItems().size() < server.statementTimeouts()) {
            notes.add("only the first " + server.timeoutItems().size() + " server statement timeouts were matched by time"
                    + " (--max-items)");
        }
        return pair(app.timeoutTotal(), all, matched(app.timeoutTimes(), sorted(times), skew), TIMEOUT_WORDS);
    }

    private static void notes(ServerResult server, AppSide app, String name, List<String> notes) {
        if (app.leaks().size() < app.leakTotal()) {
            notes.add("only the " + app.leaks().size() + " listed app leaks were matched (--max-items)");
        }
        if (app.failedTimes().length < app.failedTotal() || app.timeoutTimes().length < app.timeoutTotal()) {
            notes.add("only the first " + AppMarks.MAX + " app failed getconns and timeouts were matched by time");
        }
        if (name != null && server.byApplication().stream().noneMatch(r -> name.equals(r.application()))) {
            notes.add("the server log has no session with application_name " + name);
        }
        if (name == null) {
            notes.add("every server session was joined: give --pg-application to keep only the app's");
        }
    }

    private static boolean ofApplication(String application, String name) {
        return name == null || name.equals(application);
    }

    /** One-to-one matches of two sorted time lists at most {@code tolerance} apart, in time order. */
    static long matched(long[] a, long[] b, long tolerance) {
        int i = 0;
        int j = 0;
        long n = 0;
        while (i < a.length && j < b.length) {
            if (b[j] < a[i] - tolerance) {
                j++;
            } else if (a[i] < b[j] - tolerance) {
                i++;
            } else {
                n++;
                i++;
                j++;
            }
        }
        return n;
    }

    private static long[] sorted(List<Long> times) {
        return times.stream().filter(t -> t != ServerRecord.NO_TIME).mapToLong(Long::longValue).sorted().toArray();
    }

    /** What each side saw alone, in words: {what, app-only reason, server-only reason}. */
    private static final String[] LEAK_WORDS = {"leaks",
        "the server never ended them (autocommit, no idle_in_transaction_session_timeout, or still open when its log ends)",
        "the app log shows no leak for them (a connection held in a transaction outside the pool, or a gap in the app log)"};
    private static final String[] CONNECT_WORDS = {"failed connects",
        "the server refused none of them: the pool's own limit, not max_connections",
        "the app did not log them as failed getconns (another client, or another event name)"};
    private static final String[] TIMEOUT_WORDS = {"statement timeouts",
        "the server did not log them (another server, log_min_error_statement) or the clocks differ more than the tolerance",
        "the app did not log them (another application, or the error was swallowed)"};

    private static JoinResult.Pair pair(long app, long server, long matched, String[] words) {
        long appOnly = Math.max(0, app - matched);
        long serverOnly = Math.max(0, server - matched);
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s: app %d, server %d, matched %d", words[0],
                app, server, matched));
        if (appOnly == 0 && serverOnly == 0) {
            s.append(app == 0 ? "; neither side saw any" : "; both sides saw the same");
        }
        if (appOnly > 0) {
            s.append(String.format(Locale.ROOT, "; %d only in the app's log: %s", appOnly, words[1]));
        }
        if (serverOnly > 0) {
            s.append(String.format(Locale.ROOT, "; %d only in the server's log: %s", serverOnly, words[2]));
        }
        return new JoinResult.Pair(app, server, matched, appOnly, serverOnly, s.toString());
    }
}
