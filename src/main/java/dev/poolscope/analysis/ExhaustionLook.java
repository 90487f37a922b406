package dev.poolscope.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One look at what held a process's connections when a checkout failed ({@link ExhaustionProbe}), as a summary
 * keeps it: a merge adds the earlier summaries' checkouts still open at that moment (docs/summaries.md).
 *
 * @param boundaryIndex how many boundary events of the summary came before it: where the merge replays it
 */
public record ExhaustionLook(long time, String process, long held, long neverReturned, int boundaryIndex) {

    ExhaustionResult result() {
        return new ExhaustionResult(1, held, neverReturned, time, process, held, neverReturned);
    }

    static ExhaustionResult fold(List<ExhaustionLook> looks) {
        ExhaustionResult r = ExhaustionResult.empty();
        for (ExhaustionLook l : looks) {
            r = r.merge(l.result());
        }
        return r;
    }

    /**
     * Earlier looks followed by later ones under one pass's rationing: a later look within a second of the last
     * kept one of its process is dropped, and at most {@link ExhaustionProbe#MAX_LOOKS} are kept.
     */
    static List<ExhaustionLook> ration(List<ExhaustionLook> earlier, List<ExhaustionLook> later) {
        List<ExhaustionLook> out = new ArrayList<>(earlier);
        Map<String, Long> last = new HashMap<>();
        earlier.forEach(l -> last.put(l.process(), l.time()));
        for (ExhaustionLook l : later) {
            if (out.size() >= ExhaustionProbe.MAX_LOOKS) {
                break;
            }
            Long before = last.get(l.process());
            if (before != null && (before == dev.poolscope.event.PoolEvent.NO_TIME
                    || l.time() == dev.poolscope.event.PoolEvent.NO_TIME || l.time() - before < 1_000_000)) {
                continue;
            }
            last.put(l.process(), l.time());
            out.add(l);
        }
        return out;
    }

    ExhaustionLook plus(long[] held, int index) {
        return new ExhaustionLook(time, process, this.held + held[0], neverReturned + held[1], index);
    }
}
