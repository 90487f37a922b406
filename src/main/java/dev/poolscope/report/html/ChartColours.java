package dev.poolscope.report.html;

/**
 * The colours of report.chart.ChartStyle as SVG paints, written out here because referring to ChartStyle
 * would load java.awt, which the page no longer needs (ChartColoursTest keeps the two the same).
 */
final class ChartColours {
    static final String USED = "#1f6fb4";
    static final String OPEN = "#e08a0b";
    static final String FAILED = "#c62828";
    static final String TIMEOUT = "#7b1fa2";
    static final String NORMAL = "#2e7d32";
    static final String CRITICAL = "#c62828";
    static final String POOL_MAX = "#424242";
    static final String WINDOW = "#c62828";
    /** ChartStyle's window alpha, 0x30 of 0xff. */
    static final double WINDOW_OPACITY = 0.19;
    static final String BAR = "#1f6fb4";

    private ChartColours() {}
}
