package dev.poolscope.report.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.testing.Golden;
import dev.poolscope.testing.Scenarios;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class CsvReportTest {
    private static final Map<Scenarios, Diagnosis> DIAGNOSES = new EnumMap<>(Scenarios.class);

    @BeforeAll
    static void analyse() {
        for (Scenarios s : Scenarios.values()) {
            DIAGNOSES.put(s, s.diagnose());
        }
    }

    static String csv(Scenarios s, CsvTable table) throws IOException {
        StringWriter out = new StringWriter();
        CsvReport.write(table, DIAGNOSES.get(s), out);
        return out.toString();
    }

    static List<CSVRecord> records(Scenarios s, CsvTable table) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv(s, table))).getRecords();
    }

    static Stream<Arguments> everyTable() {
        return Stream.of(Scenarios.values()).flatMap(s -> Stream.of(CsvTable.values())
                .filter(t -> !t.fileName().startsWith("server_"))   // app logs only: no server tables are written
                .map(t -> Arguments.of(s, t)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyTable")
    void matchesGoldenFile(Scenarios s, CsvTable table) throws IOException {
        Golden.check(s.dir(), table.fileName(), csv(s, table));
    }

    /*
     * tiny.jsonl by hand, 1 s buckets from 00:00:00 (thresholds: used ≤1 ok, >2 critical; delta ≤1 ok, >2 critical):
     *  0s: getconn r1,r2; putconn r1 → 2,1, delta 1; used 1,2,1 → 2; open 1,2,1,1 → 2       → used 2 warning
     *  1s: getconn r3,r4, FAILED r5 → 2,0, delta 3; used 2,3,3 → 3; open 2,3 → 3             → critical
     *  2s: no events → delta stays 3, used and open unknown                                   → critical (delta)
     *  3s: timeout r3, putconn r3 → 0,1, delta 2; used 2 (timeout line has none); open 3,2 → 3 → warning
     *  4s: putconn r4, finished r4 → 0,1, delta 1; used 1; open 1                             → ok
     */
    @Test
    void tinyTimelineCheckedByHand() throws IOException {
        assertThat(csv(Scenarios.TINY, CsvTable.TIMELINE)).isEqualTo(String.join("\r\n",
                "bucket_start,bucket_seconds,getconn,putconn,leak_delta,pool_used_max,open_checkouts_max,"
                        + "getconn_failed,statement_timeouts,level",
                "2026-01-01T00:00:00.000000Z,1.000000,2,1,1,2,2,0,0,warning",
                "2026-01-01T00:00:01.000000Z,1.000000,2,0,3,3,3,1,0,critical",
                "2026-01-01T00:00:02.000000Z,1.000000,0,0,3,,,0,0,critical",
                "2026-01-01T00:00:03.000000Z,1.000000,0,1,2,2,3,0,1,warning",
                "2026-01-01T00:00:04.000000Z,1.000000,0,1,1,1,1,0,0,ok", ""));
    }

    /*
     * r2 took c2 at 00.200 (line 2), its request finished at 01.400 without putconn: leaked, age to the
     * last timestamp 04.300 = 4.1 s. r4 held 01.200→04.200 = 3.0 s and r3 01.100→03.500 = 2.4 s, both over
     * 2 s. Pool used went above 2 at 01.200 (3), the failed getconn at 01.300 fell inside, and it dropped to
     * 2 at 03.500: one window of 2.3 s. The timeout is line 9. Health: peak 3 > 2 critical, delta 4−3 = 1 ok,
     * one request without close critical.
     */
    @Test
    void tinyItemsCheckedByHand() throws IOException {
        String file = Scenarios.TINY.path;
        assertThat(csv(Scenarios.TINY, CsvTable.LEAKS)).endsWith(
                "\r\nleaked,r2,c2,GET /b,1,2026-01-01T00:00:00.200000Z,4.100000,true," + file + ",2\r\n");
        assertThat(csv(Scenarios.TINY, CsvTable.LONG_HOLDS)).endsWith(
                "\r\nr4,c4,GET /a,1,2026-01-01T00:00:01.200000Z,2026-01-01T00:00:04.200000Z,3.000000"
                        + "\r\nr3,c3,POST /c,1,2026-01-01T00:00:01.100000Z,2026-01-01T00:00:03.500000Z,2.400000\r\n");
        assertThat(csv(Scenarios.TINY, CsvTable.WINDOWS)).endsWith(
                "\r\n1,2026-01-01T00:00:01.200000Z,2026-01-01T00:00:03.500000Z,2.300000,3,1,0,1,false\r\n");
        assertThat(csv(Scenarios.TINY, CsvTable.TIMEOUTS)).endsWith(
                "\r\n2026-01-01T00:00:03.000000Z,r3,POST /c,1," + file + ",9\r\n");
        assertThat(csv(Scenarios.TINY, CsvTable.HEALTH)).isEqualTo("metric,value,level,normal_max,critical_above\r\n"
                + "pool_used,3,critical,1,2\r\nleak_delta,1,ok,1,2\r\nrequests_without_close,1,critical,0,0\r\n");
        List<CSVRecord> endpoints = records(Scenarios.TINY, CsvTable.ENDPOINTS);
        assertThat(endpoints).extracting(r -> r.get("endpoint") + " " + r.get("checkouts") + " "
                + r.get("leaked_checkouts") + " " + r.get("statement_timeouts") + " " + r.get("hold_count"))
                .containsExactly("GET /b 1 1 0 0", "GET /a 2 0 0 2", "POST /c 1 0 1 1");
    }

    /** The real capture against its truth file (app.truth.json), recorded inside the service, not from our output. */
    @Test
    void realCaptureAgreesWithItsTruth() throws IOException {
        List<CSVRecord> timeline = records(Scenarios.REAL, CsvTable.TIMELINE);
        assertThat(timeline.size()).isBetween(100, 2000);
        assertThat(sum(timeline, "getconn")).isEqualTo(1974);
        assertThat(sum(timeline, "putconn")).isEqualTo(1894);
        assertThat(sum(timeline, "getconn_failed")).isEqualTo(867);
        assertThat(sum(timeline, "statement_timeouts")).isEqualTo(8);
        assertThat(timeline.get(timeline.size() - 1).get("leak_delta")).isEqualTo("80");
        assertThat(timeline.stream().filter(r -> !r.get("pool_used_max").isEmpty())
                .mapToInt(r -> Integer.parseInt(r.get("pool_used_max"))).max()).hasValue(80);

        List<CSVRecord> leaks = records(Scenarios.REAL, CsvTable.LEAKS);
        assertThat(leaks).hasSize(80).allMatch(r -> r.get("state").equals("leaked"));
        assertThat(leaks.stream().map(r -> r.get("endpoint")).distinct().count()).isEqualTo(4);
        assertThat(leaks.stream().filter(r -> r.get("endpoint").equals("POST /api/projects")).count()).isEqualTo(30);
        assertThat(leaks.stream().filter(r -> r.get("endpoint").equals("DELETE /api/projects/{id}")).count())
                .isEqualTo(29);

        List<CSVRecord> windows = records(Scenarios.REAL, CsvTable.WINDOWS);
        assertThat(windows).hasSize(1);
        assertThat(windows.get(0).get("start")).isEqualTo("2026-11-27T15:16:40.588652Z");
        assertThat(windows.get(0).get("getconn_failed")).isEqualTo("867");
        assertThat(records(Scenarios.REAL, CsvTable.TIMEOUTS)).hasSize(8);
    }

    /** The bundled samples against the truth their generator wrote while simulating (samples/*.expected.json). */
    @ParameterizedTest
    @EnumSource(value = Scenarios.class, names = {"HEALTHY", "LEAKY_ROUTERS", "TIMEOUT_STORM", "MULTI_PROCESS"})
    void samplesAgreeWithTheirGeneratorTruth(Scenarios s) throws IOException {
        JsonNode truth = new ObjectMapper().readTree(s.truth().toFile());
        List<CSVRecord> timeline = records(s, CsvTable.TIMELINE);
        assertThat(timeline.size()).isBetween(100, 2000);
        assertThat(timeline.get(0).get("bucket_start")).isLessThanOrEqualTo(truth.get("first_timestamp").asText());
        assertThat(sum(timeline, "getconn")).isEqualTo(truth.get("getconn").asLong());
        assertThat(sum(timeline, "putconn")).isEqualTo(truth.get("putconn").asLong());
        assertThat(sum(timeline, "getconn_failed")).isEqualTo(truth.get("getconn_failed").asLong());
        assertThat(sum(timeline, "statement_timeouts")).isEqualTo(truth.get("statement_timeout_events").asLong());
        assertThat(timeline.get(timeline.size() - 1).get("leak_delta")).isEqualTo(truth.get("leak_delta").asText());
        int peak = 0;
        for (JsonNode used : truth.get("pool_used_max")) {
            peak = Math.max(peak, used.asInt());
        }
        assertThat(timeline.stream().filter(r -> !r.get("pool_used_max").isEmpty())
                .mapToInt(r -> Integer.parseInt(r.get("pool_used_max"))).max()).hasValue(peak);

        List<CSVRecord> leaked = records(s, CsvTable.LEAKS).stream().filter(r -> r.get("state").equals("leaked")).toList();
        assertThat(leaked).hasSize(truth.get("leaked_checkouts").asInt());
        truth.get("leaks_by_endpoint").properties().forEach(e -> assertThat(
                leaked.stream().filter(r -> r.get("endpoint").equals(e.getKey())).count())
                .as("leaks of %s", e.getKey()).isEqualTo(e.getValue().get("checkouts").asLong()));
        assertThat(records(s, CsvTable.TIMEOUTS)).hasSize(truth.get("statement_timeout_events").asInt());
        List<CSVRecord> health = records(s, CsvTable.HEALTH);
        assertThat(health.get(2).get("value")).isEqualTo(truth.get("requests_without_close").asText());
    }

    @Test
    void hostileTextIsNeutralisedButNumbersStayNumbers() throws IOException {
        List<CSVRecord> leaks = records(Scenarios.HOSTILE, CsvTable.LEAKS);
        assertThat(leaks).extracting(r -> r.get("request_id")).contains("'=cmd|' /C calc'!A0", "'+1+1", "'-2+3");
        assertThat(leaks).extracting(r -> r.get("endpoint")).contains("'=cmd|' /C calc'!A0", "'\t=1+2\uFFFD[2J\uFFFD");
        assertThat(leaks).extracting(r -> r.get("process")).contains("'=HYPERLINK(\"http://evil.example/\",\"x\")");
        for (CsvTable t : CsvTable.values()) {
            for (CSVRecord r : records(Scenarios.HOSTILE, t)) {
                for (String cell : r) {
                    assertThat(cell).as("%s cell", t).doesNotStartWith("=").doesNotStartWith("+")
                            .doesNotStartWith("@").doesNotStartWith("\t").doesNotStartWith("\r");
                    if (cell.startsWith("-")) {
                        assertThat(cell).as("only numbers may start with a minus").matches("-\\d+(\\.\\d+)?");
                    }
                }
            }
        }
    }

    private static long sum(List<CSVRecord> rows, String column) {
        return rows.stream().mapToLong(r -> Long.parseLong(r.get(column))).sum();
    }
}
