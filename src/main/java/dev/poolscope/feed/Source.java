package dev.poolscope.feed;

import dev.poolscope.io.Inputs;
import dev.poolscope.io.PositionedInput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * One input as the feed reads it: the name reports give it, its size for choosing threads (-1 when
 * unknown, as for a stream), and how to open it. A file and a caller's stream read the same way.
 */
record Source(String name, long size, Opener opener) {
    interface Opener {
        PositionedInput open(UnaryOperator<InputStream> tap) throws IOException;
    }

    /** A file, or standard input for "-". */
    static Source of(String name, InputStream stdin) {
        long size = Inputs.STDIN.equals(name) ? -1 : sizeOf(name);
        return new Source(name, size, tap -> Inputs.openPositioned(name, stdin, tap));
    }

    /** A stream the caller opened and still owns: it is read to its end but not closed. */
    static Source of(InputStream in, String name) {
        return new Source(name, -1, tap -> Inputs.openPositioned(Inputs.STDIN, in, tap));
    }

    /** An input the caller describes; it is opened when read and closed after. */
    static Source of(NamedInput input) {
        return new Source(input.name(), -1, tap -> Inputs.openPositioned(input.open(), tap));
    }

    PositionedInput open(UnaryOperator<InputStream> tap) throws IOException {
        return opener.open(tap);
    }

    private static long sizeOf(String name) {
        try {
            return Files.size(Path.of(name));
        } catch (IOException e) {
            return 0;   // a special file; it is read all the same
        }
    }
}
