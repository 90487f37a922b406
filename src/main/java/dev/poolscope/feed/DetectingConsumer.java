package dev.poolscope.feed;

import dev.poolscope.dialect.Detection;
import dev.poolscope.dialect.Detector;
import dev.poolscope.io.LineConsumer;
import java.util.Arrays;

/**
 * Holds back the first lines of one input (at most {@link Detector#MAX_LINES} lines and
 * {@link Detector#MAX_BYTES} bytes) while the detector looks at them, then hands them, and every line
 * after them, to the consumer chosen for the input's dialect. Works for streams that cannot be read twice.
 */
final class DetectingConsumer implements LineConsumer {
    /** Chooses the consumer once the dialect is known. */
    interface Decision {
        LineConsumer decided(Detection detection) throws InterruptedException;
    }

    private final Detector detector;
    private final Decision decision;
    private LineConsumer target;
    private byte[] data = new byte[64 << 10];
    private int used;
    private int count;
    private int[] offsets = new int[256];
    /** A line's length, or -1 for an overlong line whose length is in {@code overlong}. */
    private int[] lengths = new int[256];
    private long[] numbers = new long[256];
    private long[] overlong = new long[256];

    DetectingConsumer(Detector detector, Decision decision) {
        this.detector = detector;
        this.decision = decision;
    }

    @Override
    public void line(byte[] buf, int off, int len, long lineNumber) {
        if (target != null) {
            target.line(buf, off, len, lineNumber);
            return;
        }
        detector.line(buf, off, len);
        if (used + len > data.length) {
            data = Arrays.copyOf(data, Math.max(used + len, data.length * 2));
        }
        System.arraycopy(buf, off, data, used, len);
        hold(used, len, lineNumber, 0);
        used += len;
        if (count >= Detector.MAX_LINES || used >= Detector.MAX_BYTES) {
            decide();
        }
    }

    @Override
    public void overlong(long lineNumber, long length) {
        if (target != null) {
            target.overlong(lineNumber, length);
        } else {
            hold(used, -1, lineNumber, length);
        }
    }

    /** The input ended: decides on what was seen, if that was not done yet. */
    void end() {
        if (target == null) {
            decide();
        }
    }

    private void hold(int off, int len, long lineNumber, long overlongLength) {
        if (count == offsets.length) {
            int n = count * 2;
            offsets = Arrays.copyOf(offsets, n);
            lengths = Arrays.copyOf(lengths, n);
            numbers = Arrays.copyOf(numbers, n);
            overlong = Arrays.copyOf(overlong, n);
        }
        offsets[count] = off;
        lengths[count] = len;
        numbers[count] = lineNumber;
        overlong[count] = overlongLength;
        count++;
    }

    private void decide() {
        try {
            target = decision.decided(detector.finish());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading", e);
        }
        for (int i = 0; i < count; i++) {
            if (lengths[i] < 0) {
                target.overlong(numbers[i], overlong[i]);
            } else {
                target.line(data, offsets[i], lengths[i], numbers[i]);
            }
        }
        data = null;   // the held lines are handed on; the rest of the input streams through
        offsets = lengths = null;
        numbers = overlong = null;
    }
}
