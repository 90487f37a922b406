package dev.poolscope.spark;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;

/** The per-stream account on stderr: each stream not read cleanly, or empty, on a line of its own. */
final class StreamReport {
    /** Lines beyond this are counted, not printed: a thousand broken pods need a look at the cause, not a scroll. */
    static final int MAX_LINES = 50;

    private StreamReport() {}

    /** Prints what is worth saying and returns how many streams were not read cleanly. */
    static long print(List<StreamProblems> problems, int streams, String prefix, PrintWriter err) {
        List<StreamProblems> said = problems.stream().filter(p -> p.describe() != null)
                .sorted(Comparator.comparing(StreamProblems::key)).toList();
        int printed = 0;
        for (StreamProblems p : said) {
            if (printed++ < MAX_LINES) {
                err.println("poolscope: " + prefix + p.describe());
            }
        }
        if (said.size() > MAX_LINES) {
            err.println("poolscope: " + prefix + "… and " + (said.size() - MAX_LINES) + " more streams");
        }
        long failed = problems.stream().filter(StreamProblems::failed).count();
        long malformed = problems.stream().mapToLong(StreamProblems::malformedLines).sum();
        long unread = problems.stream().mapToLong(StreamProblems::readErrors).sum();
        if (failed > 0) {
            err.println("poolscope: " + prefix + failed + " of " + streams + " streams not read cleanly: " + malformed
                    + " malformed lines, " + unread + " files not read to the end");
        }
        err.flush();
        return failed;
    }
}
