package dev.poolscope.watch;

import dev.poolscope.io.AtomicFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The {@code --prometheus} file, replaced atomically at every status line. It is ours to rewrite once we
 * wrote it, also across restarts of the watch (its first line says so); any other existing file is
 * replaced only with {@code --force}. A failed write is reported once and tried again next time.
 */
public final class PrometheusFile {
    static final String MARKER = "# poolscope watch metrics";

    private final Path path;
    private final Consumer<String> messages;
    private boolean failing;

    public PrometheusFile(Path path, Consumer<String> messages) {
        this.path = path;
        this.messages = messages;
    }

    /** Why {@code path} cannot be the metrics file, or empty when it can. */
    public static Optional<String> problem(Path path, boolean force) {
        Path dir = path.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return Optional.of("--prometheus: folder " + dir + " does not exist");
        }
        if (Files.isDirectory(path)) {
            return Optional.of("--prometheus: " + path + " is a directory");
        }
        if (Files.exists(path) && !force && !writtenByUs(path)) {
            return Optional.of(path + " exists and was not written by poolscope watch; pass --force to replace it");
        }
        return Optional.empty();
    }

    void write(String text) {
        try {
            AtomicFile.write(path, text.getBytes(StandardCharsets.UTF_8));
            if (failing) {
                messages.accept("writing " + path + " works again");
            }
            failing = false;
        } catch (IOException e) {
            if (!failing) {
                messages.accept("cannot write " + path + ": " + Watcher.describe(e) + " (will retry)");
            }
            failing = true;
        }
    }

    private static boolean writtenByUs(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(MARKER.length());
            return new String(head, StandardCharsets.UTF_8).equals(MARKER);
        } catch (IOException e) {
            return false;
        }
    }
}
