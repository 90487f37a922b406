package dev.poolscope.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Lines of one kind (missing relations, dropped connections, a user signature): exact counts, per key
 * (relation, error text) and per endpoint, the first {@code maxItems} lines as examples.
 *
 * @param byKey      per relation or error text, at most {@link #MAX_KEYS} (then {@link Endpoint#OTHER})
 * @param byEndpoint per endpoint, at most {@link Endpoint#MAX_DISTINCT} (then {@link Endpoint#OTHER})
 */
public record SignalFamily(long events, Map<String, SignalTally> byKey, Map<String, Long> byEndpoint,
                           List<SignalItem> items) {
    static final int MAX_KEYS = 1000;

    public SignalFamily {
        byKey = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(byKey));   // sorted: summaries are deterministic
        byEndpoint = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(byEndpoint));
        items = List.copyOf(items);
    }

    public static SignalFamily empty() {
        return new SignalFamily(0, Map.of(), Map.of(), List.of());
    }

    /** This input followed by a later one: counts add, items keep input order up to the cap. */
    public SignalFamily merge(SignalFamily later, int maxItems) {
        Map<String, SignalTally> keys = new HashMap<>(byKey);
        later.byKey.forEach((k, v) -> keys.merge(keys.containsKey(k) || keys.size() < MAX_KEYS ? k : Endpoint.OTHER,
                v, SignalTally::merge));
        Map<String, Long> endpoints = new HashMap<>(byEndpoint);
        later.byEndpoint.forEach((k, v) -> endpoints.merge(k, v, Long::sum));
        List<SignalItem> listed = new ArrayList<>(items);
        later.items.stream().limit(Math.max(0, maxItems - items.size())).forEach(listed::add);
        return new SignalFamily(events + later.events, keys, endpoints, listed);
    }

    SignalFamily redacted(UnaryOperator<String> r) {
        Map<String, SignalTally> keys = new HashMap<>();
        byKey.forEach((k, v) -> keys.merge(r.apply(k), v, SignalTally::merge));
        Map<String, Long> endpoints = new HashMap<>();
        byEndpoint.forEach((k, v) -> endpoints.merge(r.apply(k), v, Long::sum));
        return new SignalFamily(events, keys, endpoints, items.stream().map(i -> i.redacted(r)).toList());
    }

    /** The mutable tally an analyzer fills while streaming. */
    static final class Builder {
        private final int maxItems;
        private long events;
        private final Map<String, SignalTally> byKey = new HashMap<>();
        private final Map<String, Long> byEndpoint = new HashMap<>();
        private final List<SignalItem> items = new ArrayList<>();

        Builder(int maxItems) {
            this.maxItems = maxItems;
        }

        void add(dev.poolscope.event.PoolEvent e, String key) {
            events++;
            String k = byKey.containsKey(key) || byKey.size() < MAX_KEYS ? key : Endpoint.OTHER;
            byKey.merge(k, SignalTally.of(e.time()), SignalTally::merge);
            String endpoint = Endpoint.orUnknown(e.endpoint());
            byEndpoint.merge(byEndpoint.containsKey(endpoint) || byEndpoint.size() < Endpoint.MAX_DISTINCT ? endpoint
                    : Endpoint.OTHER, 1L, Long::sum);
            if (items.size() < maxItems) {
                items.add(new SignalItem(e.time(), e.process(), e.requestId(), e.endpoint(), e.source(), e.line(), key));
            }
        }

        SignalFamily finish() {
            return new SignalFamily(events, byKey, byEndpoint, items);
        }
    }
}
