package dev.poolscope.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.report.Redactor;
import dev.poolscope.report.json.JsonReport;
import dev.poolscope.report.text.TextReport;
import dev.poolscope.testing.Golden;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The findings section of the text and JSON reports of a small hand-built log (golden/findings/): a pool
 * of 5 drained by 3 leaked DELETEs and 2 slow stats calls (3 of 5 never returned: by leaks), a missing
 * table and a dropped connection.
 */
class FindingsGoldenTest {

    private static Diagnosis diagnosis() {
        FindingLog log = new FindingLog();
        for (int i = 0; i < 3; i++) {
            log.leak("del-" + i, "DELETE", "/api/projects/" + i, i * 10L, i * 10L + 5);
        }
        log.at(40).start("st-0", "GET", "/api/stats").get("st-0", "st-0-c", 4);
        log.at(50).start("st-1", "GET", "/api/stats").get("st-1", "st-1-c", 5);
        log.at(300).start("x-0", "GET", "/api/items").failed("x-0").end("x-0");
        log.at(400).start("login", "POST", "/api/auth/login").event("login", "auth.login.failed", "error",
                ", \"error\": \"relation \\\"users\\\" does not exist\", \"pgcode\": \"42P01\"").end("login");
        log.at(500).event(null, "neo4j.connection.defunct", "error", ", \"error\": \"Failed to read from defunct connection\"");
        log.at(900).put("st-0", "st-0-c", 4).end("st-0").put("st-1", "st-1-c", 3).end("st-1");
        return log.diagnose();
    }

    @Test
    void textAndJson() throws Exception {
        Diagnosis d = diagnosis();
        List<Finding> findings = Findings.evaluate(d);
        assertThat(findings).extracting(Finding::id).containsExactly("pool-exhausted-by-leaks", "schema-missing",
                "route-leaks-connections", "stale-connections-dropped");   // critical first, then by rule order
        StringWriter text = new StringWriter();
        new TextReport(new PrintWriter(text), false).withFindings(findings).write(d);
        String section = text.toString().substring(text.toString().indexOf("\nFindings"),
                text.toString().indexOf("\nHealth"));
        Golden.check("findings", "findings.txt", section);
        StringWriter json = new StringWriter();
        JsonReport.write(d, findings, json, Redactor.none());
        String all = json.toString();
        Golden.check("findings", "findings.json", all.substring(all.indexOf("  \"findings\""), all.indexOf("  \"leaks\"")));
    }
}
