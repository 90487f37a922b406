package dev.poolscope.findings;

import dev.poolscope.analysis.Diagnosis;
import java.util.List;
import java.util.Map;

/**
 * unpaired-returns: checkins with no checkout to close. A few are a log that starts mid-request; many
 * mean the counters cannot be trusted: two pools logged as one, checkouts logged at another level, a
 * gap in the log (incident 6 in spirit: two counts of the same thing that disagree).
 */
final class UnpairedReturns implements Rule {
    static final String ID = "unpaired-returns";

    @Override
    public String settingsId() {
        return ID;
    }

    @Override
    public Map<String, Double> defaults() {
        return Map.of("min-orphans", 3.0, "warning-share", 0.01);
    }

    @Override
    public List<Finding> apply(Diagnosis d, FindingSettings s) {
        long orphans = d.checkouts().orphanPutconn();
        if (orphans == 0 || orphans < s.count(this, "min-orphans")) {
            return List.of();
        }
        long putconn = d.counts().putconn();
        double share = putconn == 0 ? 1 : (double) orphans / putconn;
        List<Figure> evidence = new FigureList()
                .count("orphan_putconn", "returns with no checkout", orphans)
                .count("putconn", "returns", putconn)
                .share("orphan_share", "share of returns", share)
                .count("getconn", "checkouts", d.counts().getconn())
                .count("leak_delta", "getconn - putconn", d.leakDelta())
                .count("leaked_checkouts", "leaked checkouts", d.checkouts().leakedCheckouts()).list();
        Severity severity = share >= s.get(this, "warning-share") ? Severity.WARNING : Severity.INFO;
        String title = String.format(java.util.Locale.ROOT,
                "%d connection returns had no checkout to close (%.1f%% of returns)", orphans, 100 * share);
        return List.of(new Finding(ID, severity, title, evidence, d.counts().firstTime(), d.counts().lastTime(),
                List.of(), List.of(),
                "The log does not show both sides of every checkout, so getconn - putconn undercounts leaks."
                        + " Check that checkouts and returns are logged at the same level by the same pool, that"
                        + " no file or rotation is missing, and that request or connection ids match on both sides.",
                Finding.docOf(ID)));
    }
}
