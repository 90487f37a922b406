package dev.poolscope.server;

/** One refused connect (FATAL 53300); the application is known only when it came after authorization. */
public record Refusal(long time, int pid, String application, String user, String message) {}
