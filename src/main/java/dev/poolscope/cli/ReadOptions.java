package dev.poolscope.cli;

/**
 * How to read: threads (0 = auto; 1 = all on one thread; N = this thread reads and analyses while
 * N-1 others decode), the byte-level pre-filter, progress display.
 * None of these changes a result; they only change how fast it comes.
 */
public record ReadOptions(int threads, boolean prefilter, Progress.Display progress) {
    public ReadOptions {
        if (threads < 0) {
            throw new IllegalArgumentException("--threads must be 0 (auto) or more: " + threads);
        }
    }

    public static ReadOptions defaults() {
        return new ReadOptions(0, true, Progress.Display.OFF);
    }

    /**
     * Threads to use. Auto is one for now: on the shared 2-core machine parallel decoding was measured
     * slower than one thread even on 1 GB (docs/performance.md), because the reading thread, which also
     * replays every decoded batch into the analysis, stays the bottleneck.
     */
    int threadsToUse() {
        return threads > 0 ? threads : 1;
    }
}
