package dev.poolscope.io;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Collects what a {@link LineReader} hands out, as text: {@code "3:{...}"} or {@code "5:OVERLONG(1234)"}. */
final class Lines implements LineConsumer {
    final List<String> seen = new ArrayList<>();
    int largestBuffer;

    @Override
    public void line(byte[] buf, int off, int len, long lineNumber) {
        largestBuffer = Math.max(largestBuffer, buf.length);
        // ISO-8859-1 maps every byte to one char, so tests see the exact bytes.
        seen.add(lineNumber + ":" + new String(buf, off, len, StandardCharsets.ISO_8859_1));
    }

    @Override
    public void overlong(long lineNumber, long length) {
        seen.add(lineNumber + ":OVERLONG(" + length + ")");
    }
}
