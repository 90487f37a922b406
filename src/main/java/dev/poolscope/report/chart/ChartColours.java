package dev.poolscope.report.chart;

/** The charts' palette, as SVG paints ({@code #rrggbb}); the PNG files are painted from the same strings. */
public final class ChartColours {
    public static final String USED = "#1f6fb4";
    public static final String OPEN = "#e08a0b";
    public static final String FAILED = "#c62828";
    public static final String TIMEOUT = "#7b1fa2";
    public static final String NORMAL = "#2e7d32";
    public static final String CRITICAL = "#c62828";
    public static final String POOL_MAX = "#424242";
    public static final String WINDOW = "#c62828";
    /** The near-exhaustion windows are shaded at 0x30 of 0xff. */
    public static final double WINDOW_OPACITY = 0.19;
    public static final String BAR = "#1f6fb4";

    private ChartColours() {}
}
