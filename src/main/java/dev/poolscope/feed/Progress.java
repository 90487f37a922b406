package dev.poolscope.feed;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A one-line progress display on stderr for long runs: bytes read, MB/s and, when the size is known,
 * percent and ETA. It draws only on a terminal, only after the first second, and erases itself at the end.
 */
public final class Progress implements AutoCloseable {
    private static final long DELAY_NANOS = 1_000_000_000L;
    private static final long PERIOD_MILLIS = 250;

    /** Where progress goes; OFF draws nothing. */
    public record Display(PrintWriter err) {
        public static final Display OFF = new Display(null);

        Progress start(long totalBytes) {
            return new Progress(err, totalBytes);
        }
    }

    private final PrintWriter err;
    private final long total;
    private final long started = System.nanoTime();
    private final AtomicLong bytes = new AtomicLong();
    private final Thread painter;
    private volatile boolean drawn;

    private Progress(PrintWriter err, long total) {
        this.err = err;
        this.total = total;
        if (err == null) {
            painter = null;
            return;
        }
        painter = new Thread(this::paintLoop, "poolscope-progress");
        painter.setDaemon(true);
        painter.start();
    }

    /** Counts the bytes read through {@code in}. */
    InputStream count(InputStream in) {
        return err == null ? in : new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    bytes.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n > 0) {
                    bytes.addAndGet(n);
                }
                return n;
            }
        };
    }

    private void paintLoop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(PERIOD_MILLIS);
                long elapsed = System.nanoTime() - started;
                if (elapsed >= DELAY_NANOS) {
                    err.print("\r" + line(bytes.get(), total, elapsed) + "\u001b[K");
                    err.flush();
                    drawn = true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String line(long done, long total, long elapsedNanos) {
        double seconds = elapsedNanos / 1e9;
        double rate = done / seconds;
        StringBuilder s = new StringBuilder("poolscope: ").append(mb(done));
        if (total > 0) {
            s.append(" of ").append(mb(total)).append(String.format(Locale.ROOT, " (%d%%)", Math.min(100, done * 100 / total)));
        }
        s.append(String.format(Locale.ROOT, ", %.0f MB/s", rate / 1e6));
        if (total > done && rate > 0) {
            s.append(String.format(Locale.ROOT, ", ETA %.0f s", (total - done) / rate));
        }
        return s.toString();
    }

    private static String mb(long bytes) {
        return bytes >= 10_000_000_000L ? String.format(Locale.ROOT, "%.1f GB", bytes / 1e9)
                : String.format(Locale.ROOT, "%d MB", bytes / 1_000_000);
    }

    @Override
    public void close() {
        if (painter == null) {
            return;
        }
        painter.interrupt();
        try {
            painter.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (drawn) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }
}
