package dev.poolscope.analysis;

import java.util.List;
import java.util.Map;

/**
 * HikariCP's leak detection as a summary carries it (docs/summaries.md): counts, the warnings still open,
 * the "unleaked" lines (capped), the first event on each connection (so that a merge can close or replace an
 * earlier summary's warning), the threads' last request changes, and what the origin search learnt.
 *
 * @param firsts  per connection, its first warning or "unleaked" line in this summary
 * @param tail    per thread (process and name joined by NUL): its last request changes, oldest first
 */
public record HikariState(long thresholdMs, long suspected, long returnedLate, long overflow, long guessed,
                          long unattributed, long dropped, List<LeakWarning> open, List<LeakReturn> returned,
                          List<KeyFirst> firsts, Map<String, List<ThreadStep>> tail, OriginState origins) {

    public HikariState {
        open = List.copyOf(open);
        returned = List.copyOf(returned);
        firsts = List.copyOf(firsts);
        tail = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(tail));
    }

    public static HikariState empty() {
        return new HikariState(-1, 0, 0, 0, 0, 0, 0, List.of(), List.of(), List.of(), Map.of(), OriginState.EMPTY);
    }

    /**
     * The first event on one connection in a summary: a warning (which replaces an earlier summary's open
     * warning of it) or an "unleaked" line (which returns it; {@code index} is its place in
     * {@link #returned}, or -1 beyond the cap).
     */
    public record KeyFirst(String process, String connection, boolean returned, int index) {}

    /**
     * What {@link LeakOrigins} learnt: the method frames every borrow trace shares, whether two traces differed,
     * and how many traces were compared.
     */
    public record OriginState(List<String> common, boolean diverged, int traces) {
        public static final OriginState EMPTY = new OriginState(null, false, 0);

        public OriginState {
            common = common == null ? null : List.copyOf(common);
        }
    }
}
