package dev.poolscope.feed;

/**
 * How to read: threads (0 = auto; 1 = all on one thread; N = this thread reads and analyses while
 * N-1 others decode), the byte-level pre-filter, progress display.
 * None of these changes a result; they only change how fast it comes.
 */
public record ReadOptions(int threads, boolean prefilter, Progress.Display progress) {
    static final long PARALLEL_FROM_BYTES = 64L << 20;
    static final int MAX_AUTO_THREADS = 4;

    public ReadOptions {
        if (threads < 0) {
            throw new IllegalArgumentException("--threads must be 0 (auto) or more: " + threads);
        }
    }

    public static ReadOptions defaults() {
        return new ReadOptions(0, true, Progress.Display.OFF);
    }

    /**
     * Threads for inputs of {@code bytes} in total (stdin counts as big). Auto uses the cores, up to
     * four, for inputs of 64 MB or more: on the 2-core machine two threads were 15 % faster than one on
     * 1 GB when it was quiet, though slower under heavy load from other processes (docs/performance.md);
     * below that a second thread competes with the JIT compiler.
     */
    int threadsFor(long bytes, boolean stdin) {
        if (threads > 0) {
            return threads;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        return cores >= 2 && (stdin || bytes >= PARALLEL_FROM_BYTES) ? Math.min(cores, MAX_AUTO_THREADS) : 1;
    }
}
