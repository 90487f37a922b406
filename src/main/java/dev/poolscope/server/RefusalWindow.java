package dev.poolscope.server;

/** Too-many-clients refusals close together in time (gaps up to the merge gap). */
public record RefusalWindow(long start, long end, long refusals) {}
