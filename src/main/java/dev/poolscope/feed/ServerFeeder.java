package dev.poolscope.feed;

import dev.poolscope.analysis.InputTally;
import dev.poolscope.event.EventKind;
import dev.poolscope.event.PoolEvent;
import dev.poolscope.io.LineConsumer;
import dev.poolscope.server.LogLinePrefix;
import dev.poolscope.server.ServerAnalysis;
import dev.poolscope.server.ServerFormat;
import dev.poolscope.server.ServerLogReader;
import dev.poolscope.server.ServerRecord;
import java.util.List;
import java.util.function.Consumer;

/**
 * The lines of one server log: counted as read, never as malformed app lines, and turned into records for
 * the server analysis. When no app log is among the inputs, its statement timeouts are also the report's
 * statement timeouts (as they were when jsonlog lines went through the app decoder).
 */
final class ServerFeeder implements LineConsumer {
    private final ServerAnalysis analysis;
    private final InputTally tally;
    private final ServerLogReader reader;
    private long overlong;

    /** @param timeouts where the server's statement timeouts go as app events; null when an app log gives them */
    ServerFeeder(String source, ServerFormat format, List<LogLinePrefix> prefixes, ServerAnalysis analysis,
                 InputTally tally, Consumer<PoolEvent> timeouts) {
        this.analysis = analysis;
        this.tally = tally;
        analysis.input(source, format);
        this.reader = format.reader(source, r -> {
            analysis.accept(r);
            if (timeouts != null && ServerAnalysis.isStatementTimeout(r)) {
                timeouts.accept(asEvent(r));
            }
        }, prefixes);
    }

    @Override
    public void line(byte[] buf, int off, int len, long lineNumber) {
        tally.line();
        if (Pipeline.isBlank(buf, off, len)) {
            tally.blank();
            return;
        }
        reader.line(buf, off, len, lineNumber);
    }

    @Override
    public void overlong(long lineNumber, long length) {
        tally.line();
        overlong++;
    }

    void finish() {
        reader.finish();
        analysis.readerDone(reader, overlong);
    }

    private static PoolEvent asEvent(ServerRecord r) {
        long time = r.hasTime() ? r.time() : PoolEvent.NO_TIME;
        String process = r.pid() == ServerRecord.NO_PID ? "postgres" : "postgres/" + r.pid();
        return new PoolEvent(EventKind.OTHER, time, process, null, null, PoolEvent.NO_COUNT, PoolEvent.NO_COUNT,
                null, true, false, r.source(), r.line());
    }
}
