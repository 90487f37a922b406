package dev.poolscope.spark;

import dev.poolscope.io.LogFiles;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Groups listed files into streams, one per process or pod. By default a stream is a directory plus the
 * base name before the rotation suffix ({@code pod-3/app.jsonl}, {@code pod-3/app.jsonl.1},
 * {@code pod-3/app.jsonl.2.gz}), the same rule that pairs checkouts per file on the command line.
 * {@code --stream-by REGEX} takes the regex's first group over the name instead ({@code logs/([^/]+)/}
 * for {@code logs/<pod>/<date>.jsonl.gz}); a name it does not match keeps the default key.
 */
final class Streams {
    private Streams() {}

    /** The streams in order of key; each keeps its segments in listing order. */
    static List<StreamSpec> group(List<Segment> listed, Pattern streamBy) {
        Map<String, ArrayList<Segment>> byKey = new LinkedHashMap<>();
        for (Segment s : listed) {
            byKey.computeIfAbsent(key(s.name(), streamBy), k -> new ArrayList<>()).add(s);
        }
        List<StreamSpec> streams = new ArrayList<>();
        byKey.forEach((key, segments) -> streams.add(new StreamSpec(key, segments)));
        streams.sort(Comparator.comparing(StreamSpec::key));
        return streams;
    }

    static String key(String name, Pattern streamBy) {
        if (streamBy != null) {
            Matcher m = streamBy.matcher(name);
            if (m.find() && m.group(1) != null) {
                return m.group(1);
            }
        }
        return LogFiles.streamName(name);
    }

    /** Names the regex leaves to the default rule, for a warning: a layout the user did not expect. */
    static long unmatched(List<Segment> listed, Pattern streamBy) {
        if (streamBy == null) {
            return 0;
        }
        return listed.stream().filter(s -> {
            Matcher m = streamBy.matcher(s.name());
            return !m.find() || m.group(1) == null;
        }).count();
    }

    /** Checks a --stream-by regex: it must compile and have a group for the key. */
    static Pattern compile(String regex) {
        if (regex == null) {
            return null;
        }
        Pattern p = Pattern.compile(regex);
        if (p.matcher("").groupCount() < 1) {
            throw new IllegalArgumentException("--stream-by " + regex + " has no group; its first group is the stream key, "
                    + "e.g. 'logs/([^/]+)/'");
        }
        return p;
    }
}
