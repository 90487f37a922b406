package dev.poolscope.feed;

import dev.poolscope.analysis.ReadError;
import dev.poolscope.io.PositionedInput;
import java.io.EOFException;
import java.io.IOException;
import java.util.zip.ZipException;

/** Turns an I/O failure while reading an input into a {@link ReadError} a user can act on. */
final class ReadErrors {
    private ReadErrors() {}

    /** {@code in} is null when the input failed while being opened (e.g. a broken gzip header). */
    static ReadError of(String name, PositionedInput in, long afterLine, IOException e) {
        long offset = in == null ? 0 : in.position();
        boolean gzip = in == null ? e instanceof ZipException || e instanceof EOFException : in.gzip();
        String what;
        if (gzip && e instanceof EOFException) {
            what = "gzip data ends unexpectedly (truncated file?)";
        } else if (gzip && e instanceof ZipException) {
            what = "corrupt gzip data (" + e.getMessage() + ")";
        } else {
            what = String.valueOf(e.getMessage());
        }
        return new ReadError(name, offset, afterLine, what);
    }
}
