package dev.poolscope.summary;

/** The summary file format's name and version (docs/summaries.md). */
public final class SummaryFormat {
    public static final String NAME = "poolscope-summary";
    /** Raised on any change a version-1 reader would misread; readers refuse versions they do not know. */
    public static final int VERSION = 1;

    private SummaryFormat() {}
}
