package dev.poolscope.io;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;

/**
 * Opens a named input: a file path or {@code -} for standard input, decompressed when its first bytes
 * say gzip or zstd, whatever it is called. Every command reads its logs through here.
 */
public final class Inputs {
    public static final String STDIN = "-";
    private static final int BUFFER = 1 << 16;

    private Inputs() {}

    /** Opens {@code name}; closing the result never closes {@code stdin}. */
    public static InputStream open(String name, InputStream stdin) throws IOException {
        return open(name, stdin, UnaryOperator.identity());
    }

    /** As {@link #open(String, InputStream)}, with {@code tap} wrapping the raw bytes before any decompression (progress counts those). */
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
            if (isGzip(buffered)) {
                PositionedInput.Gzip unzipped = new PositionedInput.Gzip(counted, BUFFER);
                return new PositionedInput(unzipped, counted, unzipped);
            }
            if (isZstd(buffered)) {
                return new PositionedInput(ZstdInput.open(counted), counted, null);
            }
            return new PositionedInput(counted, counted, null);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** Sniffs the magic bytes rather than trusting a file name. */
    static InputStream decompressIfNeeded(BufferedInputStream in) throws IOException {
        if (isGzip(in)) {
            return new GZIPInputStream(new MoreMembers(in), BUFFER);
        }
        if (isZstd(in)) {
            return ZstdInput.open(in);
        }
        return in;
    }

    /**
     * What the first bytes of a file say it is: "gzip", "zstd", or null for anything else (plain text,
     * or a file that cannot be read now: its reader will say why).
     */
    public static String compressionOrNull(Path file) {
        try (BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 4)) {
            return isGzip(in) ? "gzip" : isZstd(in) ? "zstd" : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** gzip members start with 1f 8b. Leaves {@code in} where it was. */
    static boolean isGzip(BufferedInputStream in) throws IOException {
        byte[] magic = peek(in, 2);
        return magic.length == 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B;
    }

    /**
     * zstd frames start with 28 b5 2f fd; so do skippable frames (50..5f 2a 4d 18, as pzstd writes first),
     * which are taken as zstd too so that the decoder names them. Leaves {@code in} where it was.
     */
    static boolean isZstd(BufferedInputStream in) throws IOException {
        byte[] magic = peek(in, 4);
        if (magic.length < 4) {
            return false;
        }
        int b0 = magic[0] & 0xFF;
        int b1 = magic[1] & 0xFF;
        int b2 = magic[2] & 0xFF;
        int b3 = magic[3] & 0xFF;
        return b0 == 0x28 && b1 == 0xB5 && b2 == 0x2F && b3 == 0xFD
                || (b0 & 0xF0) == 0x50 && b1 == 0x2A && b2 == 0x4D && b3 == 0x18;
    }

    private static byte[] peek(BufferedInputStream in, int n) throws IOException {
        in.mark(n);
        byte[] magic = in.readNBytes(n);
        in.reset();
        return magic;
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
