package dev.poolscope.watch;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The terminal's width in columns, asked again at every status line since terminals get resized.
 * The JDK cannot ask the terminal itself, so this runs {@code stty size} on {@code /dev/tty};
 * when that fails, {@code $COLUMNS}, then 80.
 */
public final class TerminalWidth {
    static final int FALLBACK = 80;

    private TerminalWidth() {}

    public static int columns() {
        int stty = stty();
        if (stty > 0) {
            return stty;
        }
        try {
            String env = System.getenv("COLUMNS");
            return env == null ? FALLBACK : Math.max(20, Integer.parseInt(env.strip()));
        } catch (NumberFormatException e) {
            return FALLBACK;
        }
    }

    private static int stty() {
        File tty = new File("/dev/tty");
        if (!tty.exists()) {
            return -1;
        }
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(tty)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (!p.waitFor(2, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return -1;
            }
            String[] parts = out.split("\\s+");
            return parts.length == 2 ? Math.max(20, Integer.parseInt(parts[1])) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
