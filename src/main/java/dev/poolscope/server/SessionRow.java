package dev.poolscope.server;

/** One finished session, as listed among the longest. Times are microseconds (start is NO_TIME if unknown). */
public record SessionRow(int pid, String application, String user, String database, String client, long start,
                         long end, long lengthMicros) {}
