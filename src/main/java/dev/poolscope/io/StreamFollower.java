package dev.poolscope.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Follows a stream such as standard input ({@code kubectl logs -f pod | poolscope watch -}). Reading a pipe
 * blocks, and the watch loop must not, so a daemon thread reads chunks into a small bounded queue (at most
 * {@value #QUEUED} chunks of 64 KiB in flight: when the watch falls behind, the writer waits) and
 * {@link #poll} hands out what has arrived. The end of the stream ends the follower.
 */
public final class StreamFollower implements Follower {
    static final int QUEUED = 64;
    private static final int CHUNK = 1 << 16;
    private static final byte[] END = new byte[0];

    private final LineSplitter lines;
    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(QUEUED);
    private volatile IOException failure;
    private boolean ended;

    public StreamFollower(InputStream in, LineSplitter lines) {
        this.lines = lines;
        lines.startFile(true, false);
        Thread reader = new Thread(() -> pump(in), "poolscope-stream-reader");
        reader.setDaemon(true);   // blocked in read() when the JVM stops: must not hold it up
        reader.start();
    }

    private void pump(InputStream in) {
        try {
            byte[] buf = new byte[CHUNK];
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (n > 0) {
                    queue.put(Arrays.copyOf(buf, n));
                }
            }
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public long poll(long budget) throws IOException {
        long n = 0;
        byte[] chunk;
        while (!ended && n < budget && (chunk = queue.poll()) != null) {
            if (chunk == END) {
                lines.endOfFile();   // a last line without its newline still counts
                ended = true;
                if (failure != null) {
                    throw failure;
                }
                break;
            }
            lines.feed(chunk, 0, chunk.length);
            n += chunk.length;
        }
        return n;
    }

    @Override
    public boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        // the reader thread is a daemon; the stream belongs to the caller
    }
}
