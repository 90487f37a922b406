package dev.poolscope.analysis;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Facts the findings need beyond the report's figures (docs/findings.md): error texts, what held the
 * pool when it ran dry, and user signatures' matches. Summaries carry them ({@link EvidenceState}).
 */
public record Evidence(SignalResult signals, ExhaustionResult exhaustion, List<SignatureResult> signatures) {

    public Evidence {
        signatures = List.copyOf(signatures);
    }

    public static Evidence empty() {
        return new Evidence(SignalResult.empty(), ExhaustionResult.empty(), List.of());
    }

    /** Every log string passed through {@code r} ({@code --redact}). */
    public Evidence redacted(UnaryOperator<String> r) {
        return new Evidence(signals.redacted(r), exhaustion.redacted(r),
                signatures.stream().map(s -> s.redacted(r)).toList());
    }

    /** This input followed by a later one; signatures pair up by position (the same rules). */
    public Evidence merge(Evidence later, int maxItems) {
        List<SignatureResult> both = new java.util.ArrayList<>();
        for (int i = 0; i < Math.max(signatures.size(), later.signatures.size()); i++) {
            if (i >= signatures.size()) {
                both.add(later.signatures.get(i));
            } else {
                both.add(i < later.signatures.size() ? signatures.get(i).merge(later.signatures.get(i), maxItems)
                        : signatures.get(i));
            }
        }
        return new Evidence(signals.merge(later.signals, maxItems), exhaustion.merge(later.exhaustion), both);
    }
}
