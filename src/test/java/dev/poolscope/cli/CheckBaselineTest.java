package dev.poolscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.testing.CheckRun;
import dev.poolscope.testing.LogLines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --baseline}: fail on regression against an unchanged {@code analyze --format json} report. */
class CheckBaselineTest {
    @TempDir
    Path dir;
    Path baseline;

    /** The baseline run: one request that leaks one connection; peak used 1. */
    @BeforeEach
    void writeBaseline() throws IOException {
        Path log = leaking(1, "main.jsonl");
        baseline = dir.resolve("main-report.json");
        CheckRun analyze = CheckRun.run("analyze", "--format", "json", "-o", baseline.toString(), log.toString());
        assertThat(analyze.exit()).as(analyze.err()).isEqualTo(0);
    }

    private Path leaking(int n, String name) throws IOException {
        LogLines log = new LogLines();
        for (int i = 1; i <= n; i++) {
            log.start("r" + i, "POST", "/api/orders").get("r" + i, "c" + i, 1).put("r" + i, "c" + i, 0)
                    .get("r" + i, "d" + i, 1).end("r" + i);
        }
        return log.write(dir.resolve(name));
    }

    @Test
    void sameFiguresAsTheBaselinePassThoughTheHealthTableWouldFail() throws IOException {
        Path log = leaking(1, "branch.jsonl");

        CheckRun plain = CheckRun.run("check", log.toString());
        CheckRun r = CheckRun.run("check", log.toString(), "--baseline", baseline.toString());

        assertThat(plain.exit()).isEqualTo(1);
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(0);
        assertThat(r.row("requests without close")).containsExactly("1", "1", "PASS");
        assertThat(r.out()).contains("baseline 1 + tolerance 0");
        assertThat(r.row("statement timeouts")).as("every figure is compared").containsExactly("0", "0", "PASS");
        assertThat(r.row("failed getconn")).containsExactly("0", "0", "PASS");
    }

    @Test
    void regressionAboveTheBaselineFails() throws IOException {
        Path log = leaking(3, "branch.jsonl");

        CheckRun r = CheckRun.run("check", log.toString(), "--baseline", baseline.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.row("requests without close")).containsExactly("3", "1", "FAIL");
        assertThat(r.row("getconn - putconn")).containsExactly("3", "1", "FAIL");
        assertThat(r.row("pool used (peak)")).containsExactly("1", "1", "PASS");
        assertThat(r.out()).contains("Leaked: 3 connections never returned, by 3 requests");
    }

    @Test
    void toleranceAllowsSomeRegression() throws IOException {
        Path log = leaking(3, "branch.jsonl");

        CheckRun count = CheckRun.run("check", log.toString(), "--baseline", baseline.toString(), "--tolerance", "2");
        CheckRun tooLittle = CheckRun.run("check", log.toString(), "--baseline", baseline.toString(), "--tolerance", "1");
        // 100 % of a baseline of 1 is 1 more: limit 2, and 3 is above it
        CheckRun percent = CheckRun.run("check", log.toString(), "--baseline", baseline.toString(), "--tolerance", "100%");

        assertThat(count.exit()).isEqualTo(0);
        assertThat(count.row("requests without close")).containsExactly("3", "3", "PASS");
        assertThat(tooLittle.exit()).isEqualTo(1);
        assertThat(percent.exit()).isEqualTo(1);
        assertThat(percent.row("requests without close")).containsExactly("3", "2", "FAIL");
    }

    @Test
    void hardLimitWinsOverTheBaseline() throws IOException {
        CheckRun r = CheckRun.run("check", leaking(1, "branch.jsonl").toString(), "--baseline", baseline.toString(),
                "--max-leaked-requests", "0");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.row("requests without close")).containsExactly("1", "0", "FAIL");
    }

    @Test
    void baselineThatIsNotJsonIsAnInputError() throws IOException {
        Path notJson = Files.writeString(dir.resolve("report.txt"), "getconn: 5, putconn: 5, LEAK: 0\n");

        CheckRun r = CheckRun.run("check", leaking(1, "b.jsonl").toString(), "--baseline", notJson.toString());

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).startsWith("poolscope: baseline " + notJson + " is not an 'analyze --format json' report: "
                + "not valid JSON");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void baselineThatIsALogIsAnInputError() throws IOException {
        Path log = leaking(1, "b.jsonl");

        CheckRun r = CheckRun.run("check", log.toString(), "--baseline", log.toString());

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("no \"schema\" field; expected poolscope/1");
    }

    @Test
    void baselineOfAnotherSchemaIsAnInputError() throws IOException {
        String report = Files.readString(baseline, StandardCharsets.UTF_8).replace("poolscope/1", "poolscope/9");
        Path future = Files.writeString(dir.resolve("future.json"), report);

        CheckRun r = CheckRun.run("check", leaking(1, "b.jsonl").toString(), "--baseline", future.toString());

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("schema is \"poolscope/9\", expected poolscope/1");
    }

    @Test
    void missingBaselineIsAnInputError() throws IOException {
        CheckRun r = CheckRun.run("check", leaking(1, "b.jsonl").toString(), "--baseline", "no-such-report.json");

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("poolscope: no such file: no-such-report.json" + System.lineSeparator());
    }
}
