package dev.poolscope.spark;

import dev.poolscope.feed.InputException;
import dev.poolscope.io.LogFiles;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Lists what the user named through Hadoop's FileSystem (local, HDFS, s3a, gs, abfs), as the command line
 * lists local paths: a file as named; a directory as its log files, recursively, hidden ones skipped, sorted
 * by path; a glob as its matches. Names are what the command line would print: a directory's files are
 * the directory as typed plus their path below it, so local runs name files exactly as {@code report} does.
 */
final class FleetListing {
    private final Configuration conf;

    FleetListing(Configuration conf) {
        this.conf = conf;
    }

    /** Every log file named, each once, in the order named (a directory's and a glob's in path order). */
    List<Segment> list(List<String> inputs) throws InputException {
        Map<String, Segment> byUri = new LinkedHashMap<>();
        for (String input : inputs) {
            try {
                for (Segment s : listOne(input)) {
                    byUri.putIfAbsent(s.uri(), s);
                }
            } catch (IOException | IllegalArgumentException e) {
                throw new InputException("cannot list " + input + ": " + e.getMessage());
            }
        }
        return new ArrayList<>(byUri.values());
    }

    private List<Segment> listOne(String input) throws IOException, InputException {
        Path path = new Path(input);
        FileSystem fs = path.getFileSystem(conf);
        if (isGlob(input)) {
            FileStatus[] matches = fs.globStatus(path);
            if (matches == null || matches.length == 0) {
                throw new InputException("no such file: " + input + " (the pattern matches nothing)");
            }
            List<Segment> out = new ArrayList<>();
            for (FileStatus m : matches) {
                String name = displayName(input, m.getPath());
                out.addAll(m.isDirectory() ? walk(fs, m.getPath(), name, input) : List.of(segment(name, m)));
            }
            return out;
        }
        FileStatus status;
        try {
            status = fs.getFileStatus(path);
        } catch (FileNotFoundException e) {
            throw new InputException("no such file: " + input);
        }
        return status.isDirectory() ? walk(fs, status.getPath(), input, input) : List.of(segment(input, status));
    }

    private List<Segment> walk(FileSystem fs, Path dir, String dirName, String input) throws IOException, InputException {
        String root = dir.toUri().getPath();
        List<Segment> found = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
        while (it.hasNext()) {
            LocatedFileStatus f = it.next();
            String relative = relative(root, f.getPath().toUri().getPath());
            if (relative != null && !hidden(relative) && LogFiles.isLogName(f.getPath().getName())) {
                found.add(segment(join(dirName, relative), f));
            }
        }
        if (found.isEmpty()) {
            throw new InputException(input + " has no log files (*.jsonl, *.ndjson, *.log, rotated or gzipped)");
        }
        found.sort(Comparator.comparing(Segment::name));
        return found;
    }

    private static Segment segment(String name, FileStatus status) throws InputException {
        if (LogFiles.isSummaryName(name)) {
            throw new InputException(name + " is a summary; FleetReport reads logs (report on summaries with "
                    + "'poolscope report', docs/spark.md)");
        }
        return new Segment(name, status.getPath().toString(), status.getLen());
    }

    /** The path below {@code root}, or null when it is not below it. */
    private static String relative(String root, String file) {
        String prefix = root.endsWith("/") ? root : root + "/";
        return file.startsWith(prefix) ? file.substring(prefix.length()) : null;
    }

    private static boolean hidden(String relative) {
        for (String part : relative.split("/")) {
            if (part.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** As java.nio's Path.resolve names a walked file on the command line: no doubled or trailing slash. */
    static String join(String dir, String relative) {
        if (!hasScheme(dir)) {
            return java.nio.file.Path.of(dir).resolve(relative).toString();
        }
        return (dir.endsWith("/") ? dir : dir + "/") + relative;
    }

    /** A glob's match: a local pattern gives a local path, a URI pattern a URI. */
    private static String displayName(String pattern, Path match) {
        URI uri = match.toUri();
        return hasScheme(pattern) ? match.toString() : uri.getPath();
    }

    static boolean hasScheme(String name) {
        return name.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*") && !name.matches("^[A-Za-z]:[\\\\/].*");
    }

    static boolean isGlob(String name) {
        return name.contains("*") || name.contains("?") || name.contains("[") || name.contains("{");
    }
}
