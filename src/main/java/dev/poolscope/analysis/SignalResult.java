package dev.poolscope.analysis;

import java.util.function.UnaryOperator;

/**
 * The error texts behind the findings schema-missing and stale-connections-dropped.
 *
 * @param schema missing tables, keyed by relation name ({@link SignalCollector#UNNAMED} when the line
 *               gave only the SQLSTATE or the class name)
 * @param stale  connections found dead on use, keyed by the known error text that matched
 */
public record SignalResult(SignalFamily schema, SignalFamily stale) {

    public static SignalResult empty() {
        return new SignalResult(SignalFamily.empty(), SignalFamily.empty());
    }

    public SignalResult merge(SignalResult later, int maxItems) {
        return new SignalResult(schema.merge(later.schema, maxItems), stale.merge(later.stale, maxItems));
    }

    SignalResult redacted(UnaryOperator<String> r) {
        return new SignalResult(schema.redacted(r), stale.redacted(r));
    }
}
