package dev.poolscope.cli;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.MalformedLine;
import dev.poolscope.gate.Allowance;
import dev.poolscope.gate.InputProblem;
import dev.poolscope.report.Terminal;
import dev.poolscope.report.text.NoPoolEvents;
import java.util.Locale;

/** One-line explanations of an {@link InputProblem}, naming the option that changes the rule. */
final class InputMessages {
    private InputMessages() {}

    static String describe(InputProblem problem, Diagnosis d, Allowance maxMalformed) {
        var in = d.input();
        return switch (problem) {
            case TOO_MALFORMED -> String.format(Locale.ROOT,
                    "%d of %d lines are not JSON log events (more than --max-malformed %s)%s", in.malformedLines(),
                    in.lines() - in.blankLines(), maxMalformed, firstSample(d));
            case EMPTY -> "the input is empty (" + (in.lines() == 0 ? "0 lines" : "all " + in.lines() + " lines blank")
                    + "); pass --allow-empty to accept that";
            case NO_POOL_EVENTS -> String.format(Locale.ROOT,
                    "no pool events in %d lines: wrong file, or the log names its events differently "
                            + "(see --event-checkout, --event-checkin); pass --allow-empty to accept that; %s",
                    in.lines(), String.join("; ", NoPoolEvents.explain(d)));
        };
    }

    private static String firstSample(Diagnosis d) {
        if (d.input().malformedSamples().isEmpty()) {
            return "";
        }
        MalformedLine m = d.input().malformedSamples().get(0);
        return "; first: " + Terminal.clean(m.source()) + ":" + m.line() + ": " + Terminal.clean(m.reason());
    }
}
