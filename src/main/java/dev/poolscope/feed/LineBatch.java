package dev.poolscope.feed;

import dev.poolscope.event.EventDecoder;
import dev.poolscope.event.MalformedLineException;
import dev.poolscope.event.PoolEvent;
import java.util.Arrays;

/**
 * Lines of one input copied out of the reader's reused buffer, so that another thread can decode them,
 * and then what each line turned out to be. Replaying a batch gives the analysis exactly the calls the
 * sequential reader would have made, in the same order.
 */
final class LineBatch {
    static final int BYTES = 1 << 18;
    static final int LINES = 1 << 10;
    /** Marks a line the reader found blank: nothing to decode. */
    static final Object BLANK = new Object();

    String source;
    String defaultProcess;
    /** Which of a thread's {@link Decoders} reads these lines. */
    boolean structlog = true;
    byte[] data = new byte[BYTES];
    int used;
    int count;
    final int[] offsets = new int[LINES];
    final int[] lengths = new int[LINES];
    final long[] lineNumbers = new long[LINES];
    /** Per line: a PoolEvent, a String (why it is malformed), BLANK, or a Long (an overlong line's length). */
    final Object[] results = new Object[LINES];

    void reset(String source, String defaultProcess, boolean structlog) {
        this.source = source;
        this.defaultProcess = defaultProcess;
        this.structlog = structlog;
        used = 0;
        Arrays.fill(results, 0, count, null);
        count = 0;
        if (data.length > BYTES) {
            data = new byte[BYTES];   // a huge line should not pin its buffer
        }
    }

    boolean isFull(int nextLength) {
        return count == LINES || (count > 0 && used + nextLength > data.length);
    }

    boolean isEmpty() {
        return count == 0;
    }

    void add(byte[] buf, int off, int len, long lineNumber) {
        if (len > data.length - used) {
            data = Arrays.copyOf(data, used + len);   // one line longer than a batch: this batch only
        }
        System.arraycopy(buf, off, data, used, len);
        offsets[count] = used;
        lengths[count] = len;
        lineNumbers[count] = lineNumber;
        used += len;
        count++;
    }

    void addOverlong(long lineNumber, long length) {
        offsets[count] = used;
        lengths[count] = 0;
        lineNumbers[count] = lineNumber;
        results[count] = length;
        count++;
    }

    /** Decodes every line; runs on a worker thread with that thread's own decoder. */
    LineBatch decode(EventDecoder decoder) {
        decoder.defaultProcess(defaultProcess);
        for (int i = 0; i < count; i++) {
            if (results[i] != null) {
                continue;   // overlong: decided by the reader
            }
            int off = offsets[i];
            int len = lengths[i];
            if (Pipeline.isBlank(data, off, len)) {
                results[i] = BLANK;
                continue;
            }
            try {
                results[i] = decoder.decode(data, off, len, source, lineNumbers[i]);
            } catch (MalformedLineException e) {
                results[i] = e.getMessage();
            }
        }
        return this;
    }

    PoolEvent event(int i) {
        return results[i] instanceof PoolEvent e ? e : null;
    }
}
