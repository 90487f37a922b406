package dev.poolscope.spark;

import dev.poolscope.Poolscope;
import dev.poolscope.analysis.AnalysisOptions;
import dev.poolscope.analysis.Threshold;
import dev.poolscope.analysis.Thresholds;
import dev.poolscope.event.EventNames;
import dev.poolscope.event.Field;
import dev.poolscope.event.FieldMapping;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an executor needs to build the same {@link Poolscope} as the driver, in plain serialisable values:
 * the engine's own option classes stay free of Java serialisation. Threads are 1: a Spark task is one core.
 */
record EngineSpec(HashMap<Field, ArrayList<String>> fields, ArrayList<String> events, ArrayList<String> requestEnd,
                  long[] durationsNanos, int maxItems, long[] thresholds, int maxLineBytes) implements Serializable {
    private static final long serialVersionUID = 1L;

    static EngineSpec of(Map<Field, List<String>> overrides, EventNames names, AnalysisOptions o, int maxLineBytes) {
        HashMap<Field, ArrayList<String>> fields = new HashMap<>();
        overrides.forEach((f, keys) -> fields.put(f, new ArrayList<>(keys)));
        ArrayList<String> events = new ArrayList<>(List.of(names.checkout(), names.checkin(), names.checkoutFailed(),
                names.nearlyExhausted()));
        Thresholds t = o.thresholds();
        long[] thresholds = {t.poolUsed().normalMax(), t.poolUsed().criticalAbove(), t.leakDelta().normalMax(),
            t.leakDelta().criticalAbove(), t.requestsWithoutClose().normalMax(), t.requestsWithoutClose().criticalAbove()};
        long[] durations = {o.grace().toNanos(), o.leakThreshold().toNanos(), o.mergeGap().toNanos(), o.bucket().toNanos()};
        return new EngineSpec(fields, events, new ArrayList<>(names.requestEnd().stream().sorted().toList()),
                durations, o.maxItems(), thresholds, maxLineBytes);
    }

    AnalysisOptions options() {
        long[] d = durationsNanos;
        long[] t = thresholds;
        Thresholds th = new Thresholds(new Threshold(t[0], t[1]), new Threshold(t[2], t[3]), new Threshold(t[4], t[5]));
        return new AnalysisOptions(Duration.ofNanos(d[0]), Duration.ofNanos(d[1]), Duration.ofNanos(d[2]), maxItems, th,
                Duration.ofNanos(d[3]));
    }

    Poolscope poolscope() {
        Map<Field, List<String>> overrides = new EnumMap<>(Field.class);
        fields.forEach((f, keys) -> overrides.put(f, List.copyOf(keys)));
        EventNames names = new EventNames(events.get(0), events.get(1), events.get(2), events.get(3),
                Set.copyOf(requestEnd));
        return Poolscope.defaults().withFields(FieldMapping.withOverrides(overrides)).withEvents(names)
                .withOptions(options()).withMaxLineBytes(maxLineBytes).withThreads(1);
    }
}
