package dev.poolscope.spark;

import java.io.Serializable;

/**
 * One listed log file: the name reports give it (as the command line would name it) and the Hadoop
 * path it is read from ({@code file:/…}, {@code s3a://…}, {@code hdfs://…}).
 */
record Segment(String name, String uri, long bytes) implements Serializable {
    private static final long serialVersionUID = 1L;
}
