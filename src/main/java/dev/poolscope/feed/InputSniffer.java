package dev.poolscope.feed;

import dev.poolscope.server.LogLinePrefix;
import dev.poolscope.server.ServerFormat;
import dev.poolscope.io.LineConsumer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Decides from an input's first event line whether it is an application's log or PostgreSQL's own (jsonlog,
 * csvlog, stderr), then hands every line, those held while deciding included, to that reader. A directory
 * may mix both. The decision costs one check per input; after it, each line is one more call.
 */
final class InputSniffer implements LineConsumer {
    /** Blank and TAB-continued lines held before the first real one; past this the input is read as an app log. */
    static final int MAX_HELD = 64;

    private final LineConsumer app;
    private final Function<ServerFormat, ServerFeeder> server;
    private final List<LogLinePrefix> prefixes;
    private final List<byte[]> held = new ArrayList<>();
    private final List<Long> heldNumbers = new ArrayList<>();
    private LineConsumer target;
    private ServerFeeder serverTarget;

    InputSniffer(LineConsumer app, Function<ServerFormat, ServerFeeder> server, List<LogLinePrefix> prefixes) {
        this.app = app;
        this.server = server;
        this.prefixes = prefixes;
    }

    @Override
    public void line(byte[] buf, int off, int len, long lineNumber) {
        if (target != null) {
            target.line(buf, off, len, lineNumber);
            return;
        }
        if ((Pipeline.isBlank(buf, off, len) || buf[off] == '\t') && held.size() < MAX_HELD) {
            held.add(Arrays.copyOfRange(buf, off, off + len));
            heldNumbers.add(lineNumber);
            return;
        }
        ServerFormat format = ServerFormat.detect(buf, off, len, prefixes);
        decide(format);
        target.line(buf, off, len, lineNumber);
    }

    @Override
    public void overlong(long lineNumber, long length) {
        if (target == null) {
            decide(null);
        }
        target.overlong(lineNumber, length);
    }

    /** The input ended: an undecided one (blank lines only) goes to the app reader, as before. */
    void end() {
        if (target == null) {
            decide(null);
        }
        if (serverTarget != null) {
            serverTarget.finish();
        }
    }

    /** The server format this input turned out to be, or null. */
    boolean isServer() {
        return serverTarget != null;
    }

    private void decide(ServerFormat format) {
        if (format != null) {
            serverTarget = server.apply(format);
            target = serverTarget;
        } else {
            target = app;
        }
        for (int i = 0; i < held.size(); i++) {
            byte[] line = held.get(i);
            target.line(line, 0, line.length, heldNumbers.get(i));
        }
        held.clear();
        heldNumbers.clear();
    }
}
