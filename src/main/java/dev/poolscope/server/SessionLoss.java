package dev.poolscope.server;

/**
 * A connection the server ended or lost, with the session it belonged to.
 *
 * @param kind         {@code idle_in_transaction_timeout}, {@code eof_in_transaction}, {@code admin_termination}, …
 * @param sessionStart when the session was authorized (or its {@code session_start}); NO_TIME if unknown
 * @param livedMicros  time from session start to this event; -1 if unknown
 */
public record SessionLoss(String kind, long time, int pid, String application, String user, String database,
                          String client, long sessionStart, long livedMicros, String source, long line) {

    public static final String IDLE_IN_TRANSACTION = "idle_in_transaction_timeout";
    public static final String EOF_IN_TRANSACTION = "eof_in_transaction";
}
