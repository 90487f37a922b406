package dev.poolscope.report.check;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.LeakedRequest;
import dev.poolscope.gate.GateResult;
import dev.poolscope.gate.Verdict;
import java.io.PrintWriter;
import java.util.List;

/**
 * GitHub Actions workflow commands ({@code ::error title=…::…}) so a failing check shows on the run's
 * summary page. Escaping follows GitHub's toolkit ({@code @actions/core} command.ts): in data,
 * {@code %}, CR and LF; in properties also {@code :} and {@code ,}. Log-supplied text is first
 * cleaned of control characters, so it can neither end the command nor start a new one.
 */
public final class GithubAnnotations {
    /** Enough to name the culprits; the text output and JUnit report carry the rest. Listed once, on the
     *  first failing leak check, since both leak checks have the same culprits. */
    static final int LEAKS_LISTED = 5;

    private GithubAnnotations() {}

    public static void write(PrintWriter out, Diagnosis d, Verdict v, List<LeakedRequest> top) {
        boolean leaksListed = false;
        for (GateResult r : v.failures()) {
            StringBuilder message = new StringBuilder(GateText.sentence(r));
            if (r.metric().isLeak() && !leaksListed) {
                leaksListed = true;
                message.append("\nLeaking endpoints: ").append(GateText.leakedEndpoints(d, LEAKS_LISTED));
                top.stream().limit(LEAKS_LISTED)
                        .forEach(l -> message.append('\n').append(GateText.leakedRequest(l)));
            }
            error(out, "poolscope check failed: " + r.metric().label(), message.toString());
        }
        for (GateResult r : v.notObservable()) {
            out.println("::notice title=" + escapeProperty("poolscope check: " + r.metric().label() + " not observable")
                    + "::" + escapeData(GateText.sentence(r, d)));
        }
        out.flush();
    }

    /** One {@code ::error} command; {@code message} may span lines. */
    public static void error(PrintWriter out, String title, String message) {
        out.println("::error title=" + escapeProperty(title) + "::" + escapeData(message));
    }

    static String escapeData(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String escapeProperty(String s) {
        return escapeData(s).replace(":", "%3A").replace(",", "%2C");
    }
}
