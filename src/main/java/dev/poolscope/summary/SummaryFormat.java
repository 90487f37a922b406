package dev.poolscope.summary;

/** The summary file format's name and version (docs/summaries.md). */
public final class SummaryFormat {
    public static final String NAME = "poolscope-summary";
    /**
     * Raised on any change an older reader would misread; readers refuse versions they do not know. Version 2
     * added the library, evidence and server sections and the inputs' dialects (version-1 files are still read:
     * those sections are then empty).
     */
    public static final int VERSION = 2;
    /** The oldest version this reader reads. */
    public static final int OLDEST = 1;

    private SummaryFormat() {}
}
