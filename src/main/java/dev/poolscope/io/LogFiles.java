package dev.poolscope.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the log files a user means: files as named, directories walked for their log files, {@code -} kept.
 * Also names the stream a rotated file belongs to ({@code app.jsonl.2.gz} → {@code app.jsonl}), which
 * pairs checkouts per file when the log names no process.
 */
public final class LogFiles {
    /**
     * Log-like names, rotated or compressed: app.jsonl, app.log.1, app.ndjson-20260105.gz. Plain {@code .json}
     * files are left out: they are usually single documents (configs, expected figures), not logs; except
     * PostgreSQL's csvlog and jsonlog files, named {@code postgresql-….csv} / {@code .json} by default.
     */
    private static final Pattern LOG_NAME =
            Pattern.compile(".*\\.(jsonl|ndjson|log)([.-].*)?|postgresql[^/]*\\.(csv|json)([.-].*)?");
    private static final Pattern ROTATION_SUFFIX =
            Pattern.compile("(\\.(gz|zst|\\d{1,4})|[.-]\\d{8}(\\d{2,6})?|[.-]\\d{4}-\\d{2}-\\d{2}(T[\\d:-]+)?)$");
    public static final String SUMMARY_EXTENSION = ".psum";

    private LogFiles() {}

    /** True for names a directory walk picks up as logs. Summaries are not logs. */
    public static boolean isLogName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return !fileName.startsWith(".") && !lower.endsWith(SUMMARY_EXTENSION) && LOG_NAME.matcher(lower).matches();
    }

    public static boolean isSummaryName(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(SUMMARY_EXTENSION);
    }

    /** The regular files under {@code dir} (recursively, hidden ones skipped) that {@code accept} takes, sorted by path. */
    public static List<Path> walk(Path dir, java.util.function.Predicate<String> accept) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.filter(p -> !p.equals(dir) && !isHidden(dir.relativize(p)))
                    .filter(Files::isRegularFile)
                    .filter(p -> accept.test(p.getFileName().toString()))
                    .sorted()
                    .forEach(found::add);
        }
        return found;
    }

    /**
     * The stream a file belongs to: its path with rotation and compression suffixes removed, so that
     * {@code app.jsonl}, {@code app.jsonl.1} and {@code app.jsonl.2.gz} are one stream.
     */
    public static String streamName(String name) {
        if (Inputs.STDIN.equals(name)) {
            return "stdin";
        }
        String s = name;
        while (true) {
            var m = ROTATION_SUFFIX.matcher(s);
            if (!m.find() || m.start() == 0 || s.charAt(m.start() - 1) == '/') {
                return s;
            }
            s = s.substring(0, m.start());
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
