package dev.poolscope.spark;

import java.io.Serializable;
import java.util.ArrayList;

/** One stream (a process or pod): its key and its segments, in listing order; one Spark task reads it. */
record StreamSpec(String key, ArrayList<Segment> segments) implements Serializable {
    private static final long serialVersionUID = 1L;

    long bytes() {
        return segments.stream().mapToLong(Segment::bytes).sum();
    }
}
