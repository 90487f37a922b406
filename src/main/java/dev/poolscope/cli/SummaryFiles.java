package dev.poolscope.cli;

import dev.poolscope.analysis.Summary;
import dev.poolscope.event.PoolEvent;
import dev.poolscope.feed.InputException;
import dev.poolscope.feed.InputOrder;
import dev.poolscope.io.Inputs;
import dev.poolscope.io.LogFiles;
import dev.poolscope.summary.SummaryFormatException;
import dev.poolscope.summary.SummaryReader;
import dev.poolscope.summary.SummaryWriter;
import dev.poolscope.report.Redactor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reading, ordering, merging and writing summary files for the commands. */
public final class SummaryFiles {
    private SummaryFiles() {}

    /** Reads the summaries named (directories: their *.psum files), gzipped or not. */
    public static List<Summary> read(List<String> names, InputStream stdin) throws InputException {
        return readStored(names, stdin).stream().map(SummaryReader.Stored::summary).toList();
    }

    /** As {@link #read}, with whether each was written with {@code --redact}. */
    public static List<SummaryReader.Stored> readStored(List<String> names, InputStream stdin) throws InputException {
        List<SummaryReader.Stored> all = new ArrayList<>();
        for (String name : InputOrder.expand(names, LogFiles::isSummaryName)) {
            try (InputStream in = Inputs.open(name, stdin)) {
                all.add(SummaryReader.readStored(in));
            } catch (SummaryFormatException e) {
                throw new InputException(name + ": " + e.getMessage());
            } catch (IOException e) {
                throw new InputException("cannot read " + name + ": " + e.getMessage());
            }
        }
        return all;
    }

    /**
     * Merges in the order of the summaries' first timestamps, as files are read: each summary's open
     * checkouts meet the next one's checkins. Summaries without any timestamp go last.
     */
    public static Summary merge(List<Summary> summaries, Summary start) throws InputException {
        requireDisjoint(summaries);
        List<Summary> ordered = new ArrayList<>(summaries);
        ordered.sort(Comparator.comparing((Summary s) -> s.counts().firstTime() == PoolEvent.NO_TIME)
                .thenComparingLong(s -> s.counts().firstTime()));
        ordered.add(0, start);
        try {
            return Summary.mergeAll(ordered);
        } catch (IllegalArgumentException e) {
            throw new InputException("cannot merge: " + e.getMessage());
        }
    }

    /** A log file in two summaries would be counted twice, e.g. a week's merge left beside its days. */
    private static void requireDisjoint(List<Summary> summaries) throws InputException {
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < summaries.size(); i++) {
            for (String file : summaries.get(i).input().files()) {
                Integer before = seen.putIfAbsent(file, i);
                if (before != null && before != i) {
                    throw new InputException("two summaries both cover " + file
                            + "; merging them would count it twice (is a merged summary next to its parts?)");
                }
            }
        }
    }

    public static void write(Summary s, Path path, boolean force) throws IOException, UsageException {
        write(s, path, force, Redactor.none());
    }

    /** With an active redactor the file stores masked log strings and says {@code "redacted": true}. */
    public static void write(Summary s, Path path, boolean force, Redactor r) throws IOException, UsageException {
        try (OutputStream out = OutputTarget.open(path, force)) {
            if (r.active()) {
                SummaryWriter.writeRedacted(s, out, r::redact);
            } else {
                SummaryWriter.write(s, out);
            }
        }
    }

    /** {@code s} with its log strings masked, as a redacted summary file would hold it. */
    public static Summary mask(Summary s, Redactor r) {
        try {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            SummaryWriter.writeRedacted(s, buf, r::redact);
            return SummaryReader.read(new ByteArrayInputStream(buf.toByteArray()));
        } catch (IOException | SummaryFormatException e) {
            throw new IllegalStateException("cannot mask a summary in memory", e);   // our own output: a bug
        }
    }

    /**
     * The redactor a command must apply when summaries meet: the one asked for, or the default masking
     * when any summary was written with {@code --redact} (a merge never unmasks). Warns when redacted and
     * unredacted summaries are mixed.
     */
    public static Redactor redactorFor(List<SummaryReader.Stored> stored, boolean alsoUnredacted, Redactor asked,
                                       PrintWriter err) {
        long redacted = stored.stream().filter(SummaryReader.Stored::redacted).count();
        if (redacted == 0) {
            return asked;
        }
        if (redacted < stored.size() || alsoUnredacted) {
            err.println("poolscope: warning: " + redacted + " of the summaries were written with --redact and other"
                    + " input was not; masking everything" + (asked.active() ? "" : " with the default patterns"));
        }
        return asked.active() ? asked : Redactor.defaults();
    }
}
