package dev.poolscope.analysis;

import java.util.function.UnaryOperator;

/**
 * One logged line behind a finding: where it is and what it said.
 *
 * @param detail what matched: a relation name, a known error text, a signature's id
 */
public record SignalItem(long time, String process, String requestId, String endpoint, String source, long line,
                         String detail) {

    SignalItem redacted(UnaryOperator<String> r) {
        return new SignalItem(time, r.apply(process), r.apply(requestId), r.apply(endpoint), source, line,
                r.apply(detail));
    }
}
