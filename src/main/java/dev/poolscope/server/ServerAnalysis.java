package dev.poolscope.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One pass over the server's records, in log order, to a {@link ServerResult}. Pure: records in, result out;
 * the feed reads the files. Memory is bounded by open sessions, capped name tables and capped item lists
 * (totals stay exact).
 */
public final class ServerAnalysis {
    private final ServerSettings settings;
    private final int maxItems;
    private final long windowGap;
    private final SessionTracker sessions = new SessionTracker();
    private final Map<String, String> formats = new LinkedHashMap<>();
    private final ApplicationTally apps = new ApplicationTally();
    private final CappedCounts refusalMessages = new CappedCounts();
    private final List<RefusalWindow> windows = new ArrayList<>();
    private final List<Refusal> refusals = new ArrayList<>();
    private final List<SessionLoss> held = new ArrayList<>();
    private final List<SessionLoss> otherItems = new ArrayList<>();
    private final CappedCounts otherLosses = new CappedCounts();
    private final StatementTally statements = new StatementTally();
    private final List<ServerTimeout> timeouts = new ArrayList<>();
    private long records;
    private long unparsed;
    private long unknownZones;
    private long from = ServerRecord.NO_TIME;
    private long to = ServerRecord.NO_TIME;
    private long tooMany;
    private long kills;
    private long eofs;
    private long statementTimeouts;
    private long userCancels;

    /**
     * @param maxItems  cap on listed items (losses, refusals, timeouts)
     * @param windowGap refusals closer than this (microseconds) form one window
     */
    public ServerAnalysis(ServerSettings settings, int maxItems, long windowGap) {
        this.settings = settings;
        this.maxItems = maxItems;
        this.windowGap = windowGap;
    }

    /** A server input and its format, for the report. */
    public void input(String name, ServerFormat format) {
        formats.put(name, format.label());
    }

    /** What a reader could not read in one input, and lines too long to read at all. */
    public void readerDone(ServerLogReader reader, long overlong) {
        unparsed += reader.unparsed() + overlong;
        unknownZones += reader.unknownZones();
    }

    /** Whether the report's statement timeouts should count this record when no app log gives them. */
    public static boolean isStatementTimeout(ServerRecord r) {
        return ServerEvent.of(r) == ServerEvent.STATEMENT_TIMEOUT;
    }

    /** Whether any server input was read. */
    public boolean hasInput() {
        return !formats.isEmpty();
    }

    public void accept(ServerRecord r) {
        records++;
        if (r.hasTime()) {
            from = from == ServerRecord.NO_TIME ? r.time() : Math.min(from, r.time());
            to = to == ServerRecord.NO_TIME ? r.time() : Math.max(to, r.time());
        }
        ServerEvent kind = ServerEvent.of(r);
        switch (kind) {
            case CONNECTION_RECEIVED -> sessions.received(r);
            case AUTHORIZED -> sessions.authorized(r);
            case DISCONNECTION -> sessions.disconnected(r);
            case TOO_MANY_CLIENTS -> refused(r);
            case IDLE_IN_TRANSACTION_KILL, EOF_IN_TRANSACTION -> heldInTransaction(r, kind);
            case STATEMENT_TIMEOUT -> statementTimeout(r);
            case USER_CANCEL -> userCancels++;
            case CONNECTION_RESET, CONNECTION_LOST, ADMIN_TERMINATION, IDLE_SESSION_TIMEOUT, PROTOCOL_VIOLATION ->
                    otherLoss(r, kind);
            default -> { }
        }
    }

    private void refused(ServerRecord r) {
        tooMany++;
        SessionTracker.Open o = sessions.refused(r);
        String app = r.application() != null ? r.application() : o == null ? null : o.application;
        String user = r.user() != null ? r.user() : o == null ? null : o.user;
        refusalMessages.add(r.message(), 1);
        apps.refused(app);
        if (refusals.size() < maxItems) {
            refusals.add(new Refusal(r.time(), r.pid(), app, user, r.message()));
        }
        RefusalWindow last = windows.isEmpty() ? null : windows.get(windows.size() - 1);
        if (last != null && r.hasTime() && r.time() - last.end() <= windowGap) {
            windows.set(windows.size() - 1, new RefusalWindow(last.start(), r.time(), last.refusals() + 1));
        } else if (r.hasTime() && windows.size() < maxItems) {
            windows.add(new RefusalWindow(r.time(), r.time(), 1));
        }
    }

    private void heldInTransaction(ServerRecord r, ServerEvent kind) {
        boolean kill = kind == ServerEvent.IDLE_IN_TRANSACTION_KILL;
        if (kill) {
            kills++;
        } else {
            eofs++;
        }
        String label = kill ? SessionLoss.IDLE_IN_TRANSACTION : SessionLoss.EOF_IN_TRANSACTION;
        SessionLoss loss = loss(r, label);
        apps.held(loss.application(), kill);
        keep(held, loss, r.pid());
    }

    private void otherLoss(ServerRecord r, ServerEvent kind) {
        String label = kind.name().toLowerCase(java.util.Locale.ROOT);
        otherLosses.add(label, 1);
        SessionLoss loss = loss(r, label);
        apps.otherLoss(loss.application());
        keep(otherItems, loss, r.pid());
    }

    private SessionLoss loss(ServerRecord r, String label) {
        SessionTracker.Open o = sessions.get(r.pid());
        String app = r.application() != null ? r.application() : o == null ? null : o.application;
        long start = o == null ? ServerRecord.NO_TIME : o.start;
        long lived = start != ServerRecord.NO_TIME && r.hasTime() ? r.time() - start : -1;
        return new SessionLoss(label, r.time(), r.pid(), app, r.user() != null ? r.user() : o == null ? null : o.user,
                r.database() != null ? r.database() : o == null ? null : o.database,
                r.host() != null ? r.host() : o == null ? null : o.host, start, lived, r.source(), r.line());
    }

    /** Lists the loss (up to the cap); if its session's age is unknown, its disconnection line will tell. */
    private void keep(List<SessionLoss> list, SessionLoss loss, int pid) {
        if (list.size() >= maxItems) {
            return;
        }
        int index = list.size();
        list.add(loss);
        SessionTracker.Open o = sessions.get(pid);
        if (loss.livedMicros() < 0 && o != null) {
            o.onEnd.add(lived -> {
                SessionLoss l = list.get(index);
                list.set(index, new SessionLoss(l.kind(), l.time(), l.pid(), l.application(), l.user(), l.database(),
                        l.client(), l.time() != ServerRecord.NO_TIME && lived >= 0 ? l.time() - lived : l.sessionStart(),
                        lived, l.source(), l.line()));
            });
        }
    }

    private void statementTimeout(ServerRecord r) {
        statementTimeouts++;
        SessionTracker.Open o = sessions.get(r.pid());
        String app = r.application() != null ? r.application() : o == null ? null : o.application;
        apps.timeout(app);
        statements.add(r.statement(), app);
        if (timeouts.size() < maxItems) {
            timeouts.add(new ServerTimeout(r.time(), r.pid(), app, r.statement(), r.source(), r.line()));
        }
    }

    /** What a summary carries for the next one's sessions (docs/summaries.md). */
    public SessionCarry carry() {
        return sessions.carry();
    }

    /** The maximum connections the settings name, or null. */
    public Integer maxConnections() {
        return settings.maxConnections();
    }

    public ServerResult finish() {
        SessionFigures figures = sessions.finish(settings.maxConnections());
        return new ServerResult(formats, records, unparsed, unknownZones, from, to, figures, tooMany,
                refusalMessages.sorted(), windows, refusals, kills, eofs, held, statementTimeouts, userCancels,
                statements.rows(), timeouts, otherLosses.sorted(), otherItems, apps.rows(sessions.applications()));
    }
}
