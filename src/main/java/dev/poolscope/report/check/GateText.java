package dev.poolscope.report.check;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.LeakedRequest;
import dev.poolscope.gate.GateResult;
import dev.poolscope.gate.Observability;
import dev.poolscope.report.Ranking;
import dev.poolscope.report.Terminal;
import dev.poolscope.report.Units;
import java.util.Locale;
import java.util.stream.Collectors;

/** Wording shared by the text, JUnit and GitHub outputs of {@code check}, so all say the same thing. */
public final class GateText {
    private GateText() {}

    /** Where the limit came from, e.g. {@code health table: critical above 70} or {@code baseline 75 + 5}. */
    public static String basis(GateResult r) {
        return switch (r.basis()) {
            case HEALTH_CRITICAL -> "health table: critical above " + r.limit();
            case HEALTH_WARNING -> "health table: normal up to " + r.limit();
            case SETTING -> "--" + r.metric().limitSetting();
            case BASELINE -> "baseline " + r.baseline() + " + tolerance " + (r.limit() - r.baseline());
        };
    }

    /** Why a check was not judged, e.g. {@code getconn - putconn is n/a: HikariCP logs no checkout …; not checked}. */
    public static String notObservable(GateResult r, Diagnosis d) {
        return r.metric().label() + " is n/a: " + Observability.why(r.metric(), d) + "; not checked";
    }

    /** One sentence with the figures, e.g. {@code getconn - putconn is 80, above the limit 10 (…)}. */
    public static String sentence(GateResult r, Diagnosis d) {
        return r.notObservable() ? notObservable(r, d) : sentence(r);
    }

    /** One sentence with the figures, e.g. {@code getconn - putconn is 80, above the limit 10 (…)}. */
    public static String sentence(GateResult r) {
        if (r.value() == GateResult.NOT_AVAILABLE) {
            return String.format(Locale.ROOT, "%s is n/a (no PostgreSQL server log among the inputs), so the limit %d "
                    + "(%s) cannot be checked", r.metric().label(), r.limit(), basis(r));
        }
        return String.format(Locale.ROOT, "%s is %d, %s the limit %d (%s)", r.metric().label(), r.value(),
                r.passed() ? "within" : "above", r.limit(), basis(r));
    }

    /** The endpoints with most leaked connections, e.g. {@code POST /api/projects (30), …}; exact counts. */
    public static String leakedEndpoints(Diagnosis d, int n) {
        return Ranking.byCount(d.checkouts().leaksByEndpoint()).stream().limit(n)
                .map(e -> Terminal.clean(e.getKey()) + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
    }

    /** A leaked request in one line; log-supplied text is cleaned of control characters. */
    public static String leakedRequest(LeakedRequest r) {
        String who = r.requestId() != null ? "request " + Terminal.clean(r.requestId())
                : "connection " + Terminal.clean(r.connId()) + " (no request id)";
        return String.format(Locale.ROOT, "%s acquired at %s, %d connection%s, %s", Terminal.clean(r.endpoint()),
                orDash(Units.time(r.firstAcquiredAt())), r.connections(), r.connections() == 1 ? "" : "s", who);
    }

    static String orDash(String s) {
        return s == null ? "-" : s;
    }
}
