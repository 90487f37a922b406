package dev.poolscope.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A file the user asked us to write: never replaced unless they also said {@code --force}. */
public final class OutputTarget {
    private OutputTarget() {}

    /** Opens {@code path} for writing, creating parent folders; refuses to replace an existing file without force. */
    public static OutputStream open(Path path, boolean force) throws IOException, UsageException {
        requireWritable(path, force);
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
    }

    public static void requireWritable(Path path, boolean force) throws UsageException {
        if (Files.exists(path) && !force) {
            throw new UsageException(path + " exists; pass --force to replace it");
        }
        if (Files.isDirectory(path)) {
            throw new UsageException(path + " is a directory");
        }
    }
}
