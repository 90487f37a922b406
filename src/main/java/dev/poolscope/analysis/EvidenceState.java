package dev.poolscope.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The findings' evidence as a summary carries it (docs/summaries.md): error texts and user signatures add up;
 * the exhaustion probe's looks are kept one by one, because a merge adds to each what earlier summaries still
 * held open at that moment.
 */
public record EvidenceState(SignalResult signals, List<ExhaustionLook> looks, List<SignatureResult> signatures) {

    public EvidenceState {
        looks = List.copyOf(looks);
        signatures = List.copyOf(signatures);
    }

    public static EvidenceState empty() {
        return new EvidenceState(SignalResult.empty(), List.of(), List.of());
    }

    /** This summary's evidence followed by a later one's, whose looks the checkout replay already completed. */
    EvidenceState merge(EvidenceState later, List<ExhaustionLook> laterLooks, int maxItems) {
        Evidence both = evidence().merge(later.evidence(), maxItems);
        return new EvidenceState(both.signals(), ExhaustionLook.ration(looks, laterLooks),
                new ArrayList<>(both.signatures()));
    }

    public Evidence evidence() {
        return new Evidence(signals, ExhaustionLook.fold(looks), signatures);
    }
}
