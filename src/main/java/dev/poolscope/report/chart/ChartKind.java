package dev.poolscope.report.chart;

import dev.poolscope.analysis.Diagnosis;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;

/** The charts of {@code --charts DIR}; {@link #POOL_USAGE} is the one {@code --chart FILE} draws. */
public enum ChartKind {
    POOL_USAGE("pool-usage", PoolUsageChart::build),
    LEAK_DELTA("leak-delta", LeakDeltaChart::build),
    HOLD_TIMES("hold-times", HoldTimeChart::build),
    ENDPOINT_LEAKS("endpoint-leaks", EndpointLeakChart::build);

    private final String baseName;
    private final Function<Diagnosis, JFreeChart> builder;

    ChartKind(String baseName, Function<Diagnosis, JFreeChart> builder) {
        this.baseName = baseName;
        this.builder = builder;
    }

    /** File name without extension, e.g. {@code pool-usage}. */
    public String baseName() {
        return baseName;
    }

    public JFreeChart build(Diagnosis d) {
        return builder.apply(d);
    }
}
