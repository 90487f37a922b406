package dev.poolscope.findings;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.SignatureResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Findings of the user-defined signatures, from the matches the analysis counted. */
final class UserSignatures {
    static final String DOC = "docs/findings.md#user-defined-signatures";

    private UserSignatures() {}

    static Optional<Finding> apply(UserRule rule, Diagnosis d, int examples) {
        Optional<SignatureResult> found = d.evidence().signatures().stream()
                .filter(r -> r.id().equals(rule.id())).findFirst();
        if (found.isEmpty()) {
            return Optional.empty();   // the analysis ran without this rule (a merged summary)
        }
        SignatureResult r = found.get();
        long count = r.matches().events();
        if (count < rule.minCount() || r.busiest() < rule.minRate()) {
            return Optional.empty();
        }
        Map<String, Long> byEndpoint = r.matches().byEndpoint();
        List<String> endpoints = Rows.worstFirst(byEndpoint).stream().limit(10).toList();
        List<Figure> evidence = new FigureList()
                .count("matches", "matching lines", count)
                .text("match", "match", rule.match().match().name().toLowerCase(java.util.Locale.ROOT) + " "
                        + rule.match().value())
                .count("busiest_window_matches", "most in one window of " + window(r.windowMicros()), r.busiest())
                .time("busiest_window_start", "that window began", r.busiestStart())
                .rows("by_endpoint", "by endpoint", endpoints.stream()
                        .map(e -> Rows.count("endpoint", e, byEndpoint.get(e))).toList()).list();
        var tally = r.matches().byKey().get(rule.id());
        long first = tally == null ? dev.poolscope.event.PoolEvent.NO_TIME : tally.first();
        long last = tally == null ? dev.poolscope.event.PoolEvent.NO_TIME : tally.last();
        return Optional.of(new Finding(rule.id(), rule.severity(), rule.title() + " (" + count + ")", evidence,
                first, last, endpoints, r.matches().items().stream().limit(examples).map(Rows::example).toList(),
                rule.advice(), rule.doc() == null ? DOC : rule.doc()));
    }

    static String window(long micros) {
        Duration w = Duration.ofNanos(micros * 1000);
        return w.toSeconds() % 60 == 0 && w.toSeconds() > 0 ? w.toMinutes() + " min"
                : w.toMillis() % 1000 == 0 ? w.toSeconds() + " s" : w.toMillis() + " ms";
    }
}
