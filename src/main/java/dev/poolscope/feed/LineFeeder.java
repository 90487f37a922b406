package dev.poolscope.feed;

import dev.poolscope.analysis.InputTally;
import dev.poolscope.event.EventDecoder;
import dev.poolscope.event.LineSalvage;
import dev.poolscope.event.MalformedLineException;
import dev.poolscope.event.PoolEvent;
import dev.poolscope.io.LineConsumer;
import java.util.function.Consumer;

/**
 * Hands each line of one input to the decoder and each event to the sink, tallying blank, rejected
 * and salvaged lines. {@code analyze}, {@code check}, {@code report} and {@code watch} all read through it.
 */
public record LineFeeder(String source, EventDecoder decoder, LineSalvage salvage, Consumer<PoolEvent> sink,
                  InputTally tally) implements LineConsumer {

    @Override
    public void line(byte[] buf, int off, int len, long lineNumber) {
        tally.line();
        if (Pipeline.isBlank(buf, off, len)) {
            tally.blank();
            return;
        }
        try {
            sink.accept(decoder.decode(buf, off, len, source, lineNumber));
        } catch (MalformedLineException e) {
            Pipeline.salvage(salvage, buf, off, len, source, lineNumber, e.getMessage(), sink, tally);
        }
    }

    @Override
    public void overlong(long lineNumber, long length) {
        tally.line();
        tally.malformed(source, lineNumber, Pipeline.overlongReason(length));
    }
}
