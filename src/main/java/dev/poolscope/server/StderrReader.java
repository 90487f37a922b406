package dev.poolscope.server;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code log_destination = 'stderr'}: {@code <prefix><SEVERITY>:  <text>}. One event may write several
 * lines: {@code STATEMENT:}, {@code DETAIL:}, {@code HINT:}, {@code CONTEXT:} lines with the same prefix, and
 * newlines inside a text as newline + TAB with no prefix. So a record is handed on only when the next
 * event starts (or the input ends).
 *
 * <p>With no {@code --pg-prefix}, the common prefixes are tried, most specific first; a line that the
 * current one does not read makes the reader look again (a postmaster line fits prefixes whose session
 * part {@code %q} left out, so the first lines alone cannot decide).
 */
final class StderrReader implements ServerLogReader {
    private static final Pattern VERBOSE_STATE = Pattern.compile("^([0-9A-Z]{5}): ");

    private final String source;
    private final Consumer<ServerRecord> sink;
    private final List<LogLinePrefix> prefixes;
    private final ServerTime times = new ServerTime();
    private LogLinePrefix current;
    private Pending pending;
    private long unparsed;

    StderrReader(String source, Consumer<ServerRecord> sink, List<LogLinePrefix> prefixes) {
        this.source = source;
        this.sink = sink;
        this.prefixes = List.copyOf(prefixes);
        this.current = this.prefixes.get(0);
    }

    @Override
    public void line(byte[] buf, int off, int len, long lineNumber) {
        String text = new String(buf, off, len, StandardCharsets.UTF_8);
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        if (!text.isEmpty() && text.charAt(0) == '\t') {
            if (pending == null) {
                unparsed++;
            } else {
                pending.continueWith(text.substring(1));
            }
            return;
        }
        Matcher m = read(text);
        if (m == null) {
            unparsed++;
            return;
        }
        String severity = m.group("sev");
        int pid = current.has("pid") ? Pids.parse(m.group("pid")) : ServerRecord.NO_PID;
        if (pending != null && pending.takes(severity, pid)) {
            pending.attach(severity, m.group("text"));
            return;
        }
        flush();
        pending = new Pending(m, severity, pid, lineNumber);
    }

    @Override
    public void finish() {
        flush();
    }

    @Override
    public long unparsed() {
        return unparsed;
    }

    @Override
    public long unknownZones() {
        return times.unknownZones();
    }

    /** Which prefix this line was written with; switches when another common one reads it. */
    private Matcher read(String text) {
        Matcher m = current.match(text);
        if (m != null) {
            return m;
        }
        for (LogLinePrefix p : prefixes) {
            if (p != current && (m = p.match(text)) != null) {
                current = p;
                return m;
            }
        }
        return null;
    }

    private void flush() {
        if (pending != null) {
            sink.accept(pending.record());
            pending = null;
        }
    }

    /** The event being read, waiting for its continuation lines. */
    private final class Pending {
        private final LogLinePrefix prefix;
        private final Matcher fields;
        private final String severity;
        private final int pid;
        private final long line;
        private final StringBuilder message;
        private StringBuilder statement;
        /** Where a TAB continuation goes: the message, the statement, or nowhere (a DETAIL, a HINT). */
        private StringBuilder last;

        Pending(Matcher fields, String severity, int pid, long line) {
            this.prefix = current;
            this.fields = fields;
            this.severity = severity;
            this.pid = pid;
            this.line = line;
            this.message = new StringBuilder(fields.group("text"));
            this.last = message;
        }

        /** A DETAIL/HINT/CONTEXT/STATEMENT line of the same process belongs to this event. */
        boolean takes(String sev, int linePid) {
            return linePid == pid && switch (sev) {
                case "STATEMENT", "DETAIL", "HINT", "CONTEXT", "QUERY", "LOCATION" -> true;
                default -> false;
            };
        }

        void attach(String sev, String text) {
            if (sev.equals("STATEMENT")) {
                statement = new StringBuilder(text);
                last = statement;
            } else {
                last = null;
            }
        }

        void continueWith(String text) {
            if (last != null) {
                last.append('\n').append(text);
            }
        }

        ServerRecord record() {
            String text = message.toString();
            String state = prefix.has("state") ? group("state") : null;
            Matcher verbose = VERBOSE_STATE.matcher(text);
            if (verbose.find()) {   // log_error_verbosity = verbose writes the SQLSTATE after the severity
                state = verbose.group(1);
                text = text.substring(verbose.end());
            }
            return new ServerRecord(times.parse(group("time")), pid, group("session"), severity, state, text,
                    statement == null ? null : statement.toString(), ServerRecord.known(group("user")),
                    ServerRecord.known(group("db")), ServerRecord.known(group("app")),
                    ServerRecord.known(group("host")), null, source, line);
        }

        private String group(String name) {
            return prefix.has(name) ? fields.group(name) : null;
        }
    }
}
