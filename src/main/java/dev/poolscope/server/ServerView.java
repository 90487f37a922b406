package dev.poolscope.server;

/** The server's log as a report shows it: its own figures, and the join when an app log was given too. */
public record ServerView(ServerResult result, JoinResult join) {}
