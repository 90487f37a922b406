package dev.poolscope.io;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test consumer: keeps every line as text, overlong ones as "<overlong N>". */
final class CollectingLines implements LineConsumer {
    final List<String> lines = new ArrayList<>();
    final List<Long> numbers = new ArrayList<>();

    @Override
    public void line(byte[] buf, int off, int len, long lineNumber) {
        lines.add(new String(buf, off, len, StandardCharsets.UTF_8));
        numbers.add(lineNumber);
    }

    @Override
    public void overlong(long lineNumber, long length) {
        lines.add("<overlong " + length + ">");
        numbers.add(lineNumber);
    }

    List<String> take() {
        List<String> out = List.copyOf(lines);
        lines.clear();
        numbers.clear();
        return out;
    }
}
