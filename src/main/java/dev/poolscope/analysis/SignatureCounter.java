package dev.poolscope.analysis;

import dev.poolscope.event.PoolEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Counts the lines each user-defined signature matches, per endpoint and per time window. */
final class SignatureCounter implements Analyzer<List<SignatureResult>> {
    private final List<One> signatures = new ArrayList<>();

    SignatureCounter(AnalysisOptions options) {
        for (SignatureSpec s : options.signatures()) {
            signatures.add(new One(s, options.maxItems()));
        }
    }

    boolean isEmpty() {
        return signatures.isEmpty();
    }

    @Override
    public void accept(PoolEvent e) {
        for (One s : signatures) {
            if (s.matcher.test(e)) {
                s.add(e);
            }
        }
    }

    @Override
    public List<SignatureResult> finish() {
        return signatures.stream().map(One::finish).toList();
    }

    /** One signature's state: its tally and the window being counted. */
    private static final class One {
        private final SignatureSpec spec;
        private final Predicate<PoolEvent> matcher;
        private final SignalFamily.Builder matches;
        private final long window;
        private long windowStart = PoolEvent.NO_TIME;
        private long inWindow;
        private long busiest;
        private long busiestStart = PoolEvent.NO_TIME;

        One(SignatureSpec spec, int maxItems) {
            this.spec = spec;
            this.matcher = spec.matcher();
            this.matches = new SignalFamily.Builder(maxItems);
            this.window = Math.max(1, spec.window().toNanos() / 1000);
        }

        void add(PoolEvent e) {
            matches.add(e, spec.id());
            if (e.hasTime()) {
                long start = Math.floorDiv(e.time(), window) * window;
                if (start != windowStart) {   // a line from an earlier window (clock step) starts a new count
                    windowStart = start;
                    inWindow = 0;
                }
                inWindow++;
                if (inWindow > busiest) {
                    busiest = inWindow;
                    busiestStart = windowStart;
                }
            }
        }

        SignatureResult finish() {
            return new SignatureResult(spec.id(), matches.finish(), busiest, busiestStart, window);
        }
    }
}
