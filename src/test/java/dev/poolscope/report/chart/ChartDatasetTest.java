package dev.poolscope.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.testing.Scenarios;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Charts are checked through the data they draw (series, values, markers), never through pixels. */
class ChartDatasetTest {
    private static final double T0 = 1_767_225_600_000.0;   // 2026-01-01T00:00:00Z in ms
    private static Diagnosis tiny;

    @BeforeAll
    static void analyse() {
        tiny = Scenarios.TINY.diagnose();
    }

    /**
     * Per 1 s bucket of tiny.jsonl (see CsvReportTest): pool used 2,3,–,2,1 and open checkouts 2,3,–,3,1,
     * the empty bucket at 2 s repeating the one before.
     */
    @Test
    void poolUsageSeriesFollowTheTimeline() {
        XYPlot plot = PoolUsageChart.build(tiny).getXYPlot();
        XYDataset usage = plot.getDataset(0);
        assertThat((Object) usage.getSeriesKey(0)).isEqualTo(PoolUsageChart.USED);
        assertThat((Object) usage.getSeriesKey(1)).isEqualTo(PoolUsageChart.OPEN);
        assertThat(xs(usage, 0)).containsExactly(T0, T0 + 1000, T0 + 2000, T0 + 3000, T0 + 4000);
        assertThat(ys(usage, 0)).containsExactly(2.0, 3.0, 3.0, 2.0, 1.0);
        assertThat(ys(usage, 1)).containsExactly(2.0, 3.0, 3.0, 3.0, 1.0);

        XYDataset events = plot.getDataset(1);
        assertThat((Object) events.getSeriesKey(0)).isEqualTo(PoolUsageChart.FAILED);
        assertThat(xs(events, 0)).containsExactly(T0 + 1000);
        assertThat(ys(events, 0)).containsExactly(1.0);
        assertThat((Object) events.getSeriesKey(1)).isEqualTo(PoolUsageChart.TIMEOUTS);
        assertThat(xs(events, 1)).containsExactly(T0 + 3000);
        assertThat(plot.getRangeAxisIndex(plot.getRangeAxis(1))).isEqualTo(1);
    }

    /** tiny.jsonl states pool_max 3; its thresholds are normal ≤ 1, critical > 2; one window 01.200–03.500. */
    @Test
    void poolUsageMarkersShowPoolSizeThresholdsAndWindows() {
        XYPlot plot = PoolUsageChart.build(tiny).getXYPlot();
        List<ValueMarker> lines = markers(plot.getRangeMarkers(Layer.FOREGROUND), ValueMarker.class);
        assertThat(lines).extracting(ValueMarker::getValue).containsExactly(3.0, 1.0, 2.0);
        assertThat(lines).extracting(Marker::getLabel).containsExactly("pool max 3", "normal ≤ 1", "critical > 2");
        List<IntervalMarker> windows = markers(plot.getDomainMarkers(Layer.BACKGROUND), IntervalMarker.class);
        assertThat(windows).hasSize(1);
        assertThat(windows.get(0).getStartValue()).isEqualTo(T0 + 1200);
        assertThat(windows.get(0).getEndValue()).isEqualTo(T0 + 3500);
    }

    /** Running getconn − putconn per bucket: 1, 3, 3, 2, 1; thresholds normal ≤ 1, critical > 2. */
    @Test
    void leakDeltaSeriesAndThresholds() {
        XYPlot plot = LeakDeltaChart.build(tiny).getXYPlot();
        assertThat(ys(plot.getDataset(), 0)).containsExactly(1.0, 3.0, 3.0, 2.0, 1.0);
        assertThat(markers(plot.getRangeMarkers(Layer.FOREGROUND), ValueMarker.class))
                .extracting(ValueMarker::getValue).containsExactly(1.0, 2.0);
    }

    /**
     * Holds of 400 ms, 2.4 s and 3.0 s with 4 bins per decade: log10(400) = 2.60 → bin 10 (316–562 ms);
     * log10(2400) = 3.38 and log10(3000) = 3.48 → bin 13 (1778–3162 ms).
     */
    @Test
    void holdTimeHistogramBinsOnALogScale() {
        XYIntervalSeriesCollection bins = HoldTimeChart.dataset(tiny);
        assertThat(bins.getItemCount(0)).isEqualTo(2);
        assertThat(bins.getStartXValue(0, 0)).isCloseTo(316.23, org.assertj.core.data.Offset.offset(0.01));
        assertThat(bins.getEndXValue(0, 0)).isCloseTo(562.34, org.assertj.core.data.Offset.offset(0.01));
        assertThat(bins.getYValue(0, 0)).isEqualTo(1.0);
        assertThat(bins.getStartXValue(0, 1)).isCloseTo(1778.28, org.assertj.core.data.Offset.offset(0.01));
        assertThat(bins.getYValue(0, 1)).isEqualTo(2.0);
        assertThat(HoldTimeChart.build(tiny).getXYPlot().getDomainAxis()).isInstanceOf(org.jfree.chart.axis.LogAxis.class);
    }

    /** Real capture: leaks by route from app.truth.json are 30, 29, 13 and 8. */
    @Test
    void endpointBarsAreLeaksPerEndpointMostFirst() {
        CategoryDataset real = EndpointLeakChart.dataset(Scenarios.REAL.diagnose());
        assertThat(columns(real)).containsExactly("POST /api/projects", "DELETE /api/projects/{id}",
                "GET /api/projects/{id}/interviews", "POST /api/ingest");
        assertThat(List.of(0, 1, 2, 3)).extracting(i -> real.getValue(0, (int) i).intValue()).containsExactly(30, 29, 13, 8);
        assertThat(columns(EndpointLeakChart.dataset(tiny))).containsExactly("GET /b");
    }

    @Test
    void sameInputGivesSameBytes() throws IOException {
        for (ChartKind kind : ChartKind.values()) {
            assertThat(new ChartImages(tiny).png(kind)).as("%s", kind).isEqualTo(new ChartImages(tiny).png(kind));
        }
        var png = ImageIO.read(new ByteArrayInputStream(new ChartImages(tiny).png(ChartKind.POOL_USAGE)));
        assertThat(png.getWidth()).isEqualTo(ChartStyle.WIDTH);
        assertThat(png.getHeight()).isEqualTo(ChartStyle.HEIGHT);
    }

    private static List<String> columns(CategoryDataset d) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < d.getColumnCount(); i++) {
            out.add(d.getColumnKey(i).toString());
        }
        return out;
    }

    private static List<Double> xs(XYDataset d, int series) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < d.getItemCount(series); i++) {
            out.add(d.getXValue(series, i));
        }
        return out;
    }

    private static List<Double> ys(XYDataset d, int series) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < d.getItemCount(series); i++) {
            Number y = d.getY(series, i);
            out.add(y == null ? null : y.doubleValue());
        }
        return out;
    }

    private static <M> List<M> markers(Collection<?> markers, Class<M> type) {
        List<M> out = new ArrayList<>();
        if (markers != null) {
            for (Object m : markers) {
                if (type.isInstance(m)) {
                    out.add(type.cast(m));
                }
            }
        }
        return out;
    }
}
