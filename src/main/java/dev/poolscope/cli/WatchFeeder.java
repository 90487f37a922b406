package dev.poolscope.cli;

import dev.poolscope.analysis.InputTally;
import dev.poolscope.analysis.LiveAnalysis;
import dev.poolscope.event.EventDecoder;
import dev.poolscope.event.MalformedLineException;
import dev.poolscope.io.LineConsumer;

/** Hands each followed line to the decoder and each event to the live analysis, tallying bad lines. */
final class WatchFeeder implements LineConsumer {
    private final String source;
    private final EventDecoder decoder;
    private final LiveAnalysis analysis;
    private final InputTally tally;

    WatchFeeder(String source, EventDecoder decoder, LiveAnalysis analysis, InputTally tally) {
        this.source = source;
        this.decoder = decoder;
        this.analysis = analysis;
        this.tally = tally;
    }

    @Override
    public void line(byte[] buf, int off, int len, long lineNumber) {
        tally.line();
        if (isBlank(buf, off, len)) {
            tally.blank();
            return;
        }
        try {
            analysis.accept(decoder.decode(buf, off, len, source, lineNumber));
        } catch (MalformedLineException e) {
            tally.malformed(source, lineNumber, e.getMessage());
        }
    }

    @Override
    public void overlong(long lineNumber, long length) {
        tally.line();
        tally.malformed(source, lineNumber, "line of " + length + " bytes is longer than --max-line-bytes");
    }

    private static boolean isBlank(byte[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            byte b = buf[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
