package dev.poolscope.analysis;

/** Receives pool usage as the trackers see it, for a timeline; the default ignores it. */
interface UsageSink {
    UsageSink NONE = new UsageSink() {
        @Override
        public void used(long time, int used) {}

        @Override
        public void above(long from, long to) {}
    };

    /** A process's pool had {@code used} connections out at {@code time}. */
    void used(long time, int used);

    /** A process's pool was above the critical threshold over [from, to). */
    void above(long from, long to);
}
