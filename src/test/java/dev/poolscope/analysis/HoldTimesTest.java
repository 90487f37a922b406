package dev.poolscope.analysis;

import static dev.poolscope.analysis.Ev.getconn;
import static dev.poolscope.analysis.Ev.putconn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Hold percentiles within 0.1 %. With holds of 1, 2, …, 1000 ms the p-th percentile is the smallest hold
 * at or below which p % of them lie: p50 = 500 ms, p95 = 950 ms, p99 = 990 ms.
 */
class HoldTimesTest {

    private static Diagnosis thousandHolds() {
        List<Ev> events = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            String endpoint = i <= 500 ? "GET /a" : "GET /b";
            double start = i * 2.0;
            events.add(getconn(start).req("r" + i).conn("c" + i).endpoint(endpoint));
            events.add(putconn(start + i / 1000.0).req("r" + i).conn("c" + i));
        }
        return Ev.analyze(events.toArray(new Ev[0]));
    }

    @Test
    void overallPercentiles() {
        Percentiles p = thousandHolds().checkouts().holdTimes().percentiles();
        assertThat(p.count()).isEqualTo(1000);
        assertThat(p.p50()).isCloseTo(500.0, withinPercentage(0.1));
        assertThat(p.p95()).isCloseTo(950.0, withinPercentage(0.1));
        assertThat(p.p99()).isCloseTo(990.0, withinPercentage(0.1));
        assertThat(p.max()).isCloseTo(1000.0, withinPercentage(0.1));
    }

    @Test
    void perEndpointPercentiles() {
        Map<String, EndpointRow> rows = thousandHolds().endpoints().stream()
                .collect(Collectors.toMap(EndpointRow::endpoint, Function.identity()));
        assertThat(rows).containsOnlyKeys("GET /a", "GET /b");
        Percentiles a = rows.get("GET /a").holdTimes();   // 1..500 ms
        assertThat(a.count()).isEqualTo(500);
        assertThat(a.p50()).isCloseTo(250.0, withinPercentage(0.1));
        assertThat(a.p95()).isCloseTo(475.0, withinPercentage(0.1));
        assertThat(a.p99()).isCloseTo(495.0, withinPercentage(0.1));
        assertThat(a.max()).isCloseTo(500.0, withinPercentage(0.1));
        Percentiles b = rows.get("GET /b").holdTimes();   // 501..1000 ms
        assertThat(b.p50()).isCloseTo(750.0, withinPercentage(0.1));
        assertThat(b.p95()).isCloseTo(975.0, withinPercentage(0.1));
        assertThat(b.p99()).isCloseTo(995.0, withinPercentage(0.1));
        assertThat(b.max()).isCloseTo(1000.0, withinPercentage(0.1));
        assertThat(rows.get("GET /b").checkouts()).isEqualTo(500);
    }

    @Test
    void noReturnedCheckoutMeansNoPercentiles() {
        Percentiles p = Ev.analyze(getconn(0).req("r")).checkouts().holdTimes().percentiles();
        assertThat(p).isEqualTo(Percentiles.none());
        assertThat(p.count()).isZero();
    }

    @Test
    void subMillisecondAndHourLongHoldsKeepTheirPrecision() {
        HoldTimes h = new HoldTimes();
        h.record(250);              // 0.25 ms
        h.record(3_600_000_000L);   // 1 h
        Percentiles p = h.percentiles();
        assertThat(p.p50()).isCloseTo(0.25, withinPercentage(0.1));
        assertThat(p.max()).isCloseTo(3_600_000.0, withinPercentage(0.1));
    }

    @Test
    void maxIsExactAndCapsThePercentiles() {
        HoldTimes h = new HoldTimes();
        h.record(3_000_000);   // alone, the histogram would answer with its bucket's top, 3000.319 ms
        assertThat(h.percentiles()).isEqualTo(new Percentiles(1, 3000.0, 3000.0, 3000.0, 3000.0));
        h.record(61_500_000);
        assertThat(h.percentiles().max()).isEqualTo(61500.0);
        assertThat(h.percentiles().p99()).isEqualTo(61500.0);
        assertThat(h.percentiles().p50()).isCloseTo(3000.0, withinPercentage(0.1));
    }

    @Test
    void mergedHistogramsEqualOneOverAllValues() {
        HoldTimes all = new HoldTimes();
        HoldTimes left = new HoldTimes();
        HoldTimes right = new HoldTimes();
        for (long v = 1; v <= 5000; v++) {
            long micros = v * 997;
            all.record(micros);
            (v % 3 == 0 ? left : right).record(micros);
        }
        HoldTimes merged = left.copy();
        merged.add(right);
        assertThat(merged.percentiles()).isEqualTo(all.percentiles());
    }
}
