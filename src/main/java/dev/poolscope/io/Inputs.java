package dev.poolscope.io;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;

/** Opens a named input: a file path or {@code -} for standard input, gunzipped when its bytes say gzip. */
public final class Inputs {
    public static final String STDIN = "-";
    private static final int BUFFER = 1 << 16;

    private Inputs() {}

    /** Opens {@code name}; closing the result never closes {@code stdin}. */
    public static InputStream open(String name, InputStream stdin) throws IOException {
        return open(name, stdin, UnaryOperator.identity());
    }

    /** As {@link #open(String, InputStream)}, with {@code tap} wrapping the raw bytes before any gunzip (progress counts those). */
    public static InputStream open(String name, InputStream stdin, UnaryOperator<InputStream> tap) throws IOException {
        InputStream raw = tap.apply(STDIN.equals(name) ? new NonClosing(stdin) : Files.newInputStream(Path.of(name)));
        try {
            return decompressIfNeeded(new BufferedInputStream(raw, BUFFER));
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** Opens a stream the result owns (closing it closes {@code owned}), gunzipped when its bytes say gzip. */
    public static InputStream open(InputStream owned) throws IOException {
        try {
            return decompressIfNeeded(new BufferedInputStream(owned, BUFFER));
        } catch (IOException | RuntimeException e) {
            owned.close();
            throw e;
        }
    }

    /**
     * Like {@link #open}, but the result tells how far into the file reading got, for read errors.
     * A file that says gzip but has a broken header fails here, before any line is read.
     */
    public static PositionedInput openPositioned(String name, InputStream stdin) throws IOException {
        return openPositioned(name, stdin, UnaryOperator.identity());
    }

    /** As {@link #openPositioned(String, InputStream)}, with {@code tap} wrapping the raw bytes (progress counts those). */
    public static PositionedInput openPositioned(String name, InputStream stdin, UnaryOperator<InputStream> tap)
            throws IOException {
        return positioned(tap.apply(STDIN.equals(name) ? new NonClosing(stdin) : Files.newInputStream(Path.of(name))));
    }

    /** As {@link #openPositioned(String, InputStream)} for a stream the result owns: closing it closes {@code owned}. */
    public static PositionedInput openPositioned(InputStream owned, UnaryOperator<InputStream> tap) throws IOException {
        return positioned(tap.apply(owned));
    }

    private static PositionedInput positioned(InputStream raw) throws IOException {
        try {
            BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER);
            PositionedInput.Counting counted = new PositionedInput.Counting(buffered);
            buffered.mark(2);
            boolean gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
            buffered.reset();
            if (!gzip) {
                return new PositionedInput(counted, counted, null);
            }
            PositionedInput.Gzip unzipped = new PositionedInput.Gzip(counted, BUFFER);
            return new PositionedInput(unzipped, counted, unzipped);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** Sniffs the gzip magic bytes (1f 8b) rather than trusting a file name. */
    static InputStream decompressIfNeeded(BufferedInputStream in) throws IOException {
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            return new GZIPInputStream(new MoreMembers(in), BUFFER);
        }
        if (isZstd(in)) {
            throw new IOException("it is zstd-compressed, which poolscope does not read; "
                    + "pipe it in instead: zstdcat FILE | poolscope ... -");
        }
        return in;
    }

    /** zstd frames start with 28 b5 2f fd; named so the user gets a hint rather than "not a JSON object". */
    private static boolean isZstd(BufferedInputStream in) throws IOException {
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        return magic.length == 4 && (magic[0] & 0xFF) == 0x28 && (magic[1] & 0xFF) == 0xB5
                && (magic[2] & 0xFF) == 0x2F && (magic[3] & 0xFF) == 0xFD;
    }

    /**
     * GZIPInputStream reads the next member of a concatenated file ({@code cat a.gz b.gz}) only when
     * {@code available()} is positive; a pipe says 0 whenever the writer is behind, and the rest of the
     * input would be dropped silently. This answers by peeking, blocking if need be, so 0 means end of input.
     */
    private static final class MoreMembers extends FilterInputStream {
        MoreMembers(BufferedInputStream in) {
            super(in);
        }

        @Override
        public int available() throws IOException {
            int n = in.available();
            if (n > 0) {
                return n;
            }
            in.mark(1);
            int b = in.read();
            in.reset();
            return b < 0 ? 0 : 1;
        }
    }

    private static final class NonClosing extends FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // standard input belongs to the process, not to us
        }
    }
}
