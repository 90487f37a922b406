package dev.poolscope.watch;

import java.io.PrintWriter;
import java.util.function.IntSupplier;

/**
 * Where {@code watch} writes: the status line on standard output, messages (alerts, leak notices) on
 * standard error. On a terminal the status line is redrawn in place ({@code \r} + erase line); a message
 * first erases it, so the two never mix on one line, and the status is drawn again below the message.
 * Elsewhere (a pipe, systemd, a container log) every status is appended as a line of its own.
 * Thread-safe: alert commands report from their own thread.
 */
public final class StatusScreen {
    private static final String ERASE_LINE = "\r\u001b[2K";

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean inPlace;
    private final IntSupplier width;
    private String shown;

    public StatusScreen(PrintWriter out, PrintWriter err, boolean inPlace, IntSupplier width) {
        this.out = out;
        this.err = err;
        this.inPlace = inPlace;
        this.width = width;
    }

    /** Columns the status line may use; 0 means no limit (appended lines may be long). */
    int width() {
        return inPlace ? width.getAsInt() - 1 : 0;
    }

    synchronized void status(String line) {
        if (inPlace) {
            out.print(ERASE_LINE + line);
            shown = line;
        } else {
            out.println(line);
        }
        out.flush();
    }

    public synchronized void message(String line) {
        if (shown != null) {
            out.print(ERASE_LINE);
            out.flush();
        }
        err.println(line);
        err.flush();
        if (shown != null) {
            out.print(shown);
            out.flush();
        }
    }

    /** Leaves the last status line on screen and moves below it, for the summary. */
    synchronized void end() {
        if (shown != null) {
            out.println();
            out.flush();
            shown = null;
        }
    }

    synchronized void println(String line) {
        end();
        out.println(line);
        out.flush();
    }
}
