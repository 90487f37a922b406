package dev.poolscope.watch;

import dev.poolscope.analysis.Analysis;
import dev.poolscope.analysis.AnalysisOptions;
import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.InputSummary;
import dev.poolscope.event.PoolEvent;
import dev.poolscope.findings.Finding;
import dev.poolscope.findings.FindingConfig;
import dev.poolscope.findings.Findings;
import dev.poolscope.findings.Severity;
import dev.poolscope.report.Redaction;
import dev.poolscope.report.Redactor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The findings of {@code analyze} (docs/findings.md), live (issue #17): the full one-pass analysis of everything
 * the watch has read, beside the live view, evaluated at every status line. Each finding alerts once, the first
 * time it reaches critical; it is not forgotten when the level recovers, so a flapping log does not repeat it.
 * Memory is that of {@code analyze} (bounded: flat whatever the length of the log).
 */
public final class LiveFindings {
    private final Analysis analysis;
    private final FindingConfig config;
    private final Set<String> alerted = new LinkedHashSet<>();
    private Redactor redactor = Redactor.none();

    public LiveFindings(AnalysisOptions options, FindingConfig config) {
        this.analysis = new Analysis(options.withSignatures(config.signatures()));
        this.config = config;
    }

    /** Masks every log string of the findings ({@code --redact}); returns this. */
    public LiveFindings redacting(Redactor r) {
        this.redactor = r;
        return this;
    }

    public void accept(PoolEvent e) {
        analysis.accept(e);
    }

    /** The findings that are critical now and never were before, worst first. */
    public List<Finding> newlyCritical(InputSummary input) {
        Diagnosis d = Redaction.apply(analysis.finish(input), redactor);   // finish reads, it does not end the pass
        List<Finding> out = new ArrayList<>();
        for (Finding f : Findings.evaluate(d, config)) {
            if (f.severity() == Severity.CRITICAL && alerted.add(f.id())) {
                out.add(f);
            }
        }
        return out;
    }

    /** Ids of the findings alerted so far, in the order they first reached critical. */
    public List<String> alerted() {
        return List.copyOf(alerted);
    }
}
