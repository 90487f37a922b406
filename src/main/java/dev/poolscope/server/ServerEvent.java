package dev.poolscope.server;

/**
 * What a server log record means for connections. By SQLSTATE where the format carries it (stable across
 * {@code lc_messages}), by the English text otherwise; a few kinds share a SQLSTATE and only the text
 * tells them apart (57014: statement timeout or user cancel; 08006: EOF in a transaction, a reset, a lost
 * connection). docs/postgres-reference.md §1 has every text and its source line.
 */
enum ServerEvent {
    CONNECTION_RECEIVED,
    AUTHORIZED,
    DISCONNECTION,
    TOO_MANY_CLIENTS,
    IDLE_IN_TRANSACTION_KILL,
    EOF_IN_TRANSACTION,
    CONNECTION_RESET,
    CONNECTION_LOST,
    ADMIN_TERMINATION,
    IDLE_SESSION_TIMEOUT,
    PROTOCOL_VIOLATION,
    STATEMENT_TIMEOUT,
    USER_CANCEL,
    OTHER;

    static final String TIMEOUT_TEXT = "canceling statement due to statement timeout";
    static final String EOF_TEXT = "unexpected EOF on client connection with an open transaction";
    static final String RESET_TEXT = "could not receive data from client: Connection reset by peer";

    static ServerEvent of(ServerRecord r) {
        String m = r.message();
        String state = r.sqlState();
        if (state != null && !state.equals("00000")) {
            ServerEvent byState = byState(state, m);
            if (byState != null) {
                return byState;
            }
        }
        return byText(m);
    }

    private static ServerEvent byState(String state, String m) {
        return switch (state) {
            case "53300" -> TOO_MANY_CLIENTS;
            case "25P03" -> IDLE_IN_TRANSACTION_KILL;
            case "57P01" -> ADMIN_TERMINATION;
            case "57P05" -> IDLE_SESSION_TIMEOUT;
            case "08P01" -> PROTOCOL_VIOLATION;
            case "57014" -> m.startsWith("canceling statement due to user request") ? USER_CANCEL : STATEMENT_TIMEOUT;
            case "08006" -> m.contains("Connection reset by peer") ? CONNECTION_RESET
                    : m.startsWith("connection to client lost") ? CONNECTION_LOST
                    : m.startsWith("could not receive data from client") ? CONNECTION_LOST : EOF_IN_TRANSACTION;
            default -> null;
        };
    }

    private static ServerEvent byText(String m) {
        if (m.startsWith("connection received:")) {
            return CONNECTION_RECEIVED;
        } else if (m.startsWith("connection authorized:")) {
            return AUTHORIZED;
        } else if (m.startsWith("disconnection: session time:")) {
            return DISCONNECTION;
        } else if (m.startsWith("sorry, too many clients already") || m.startsWith("remaining connection slots are reserved")) {
            return TOO_MANY_CLIENTS;
        } else if (m.startsWith("terminating connection due to idle-in-transaction timeout")) {
            return IDLE_IN_TRANSACTION_KILL;
        } else if (m.startsWith(EOF_TEXT)) {
            return EOF_IN_TRANSACTION;
        } else if (m.startsWith(RESET_TEXT)) {
            return CONNECTION_RESET;
        } else if (m.startsWith("connection to client lost")) {
            return CONNECTION_LOST;
        } else if (m.startsWith("terminating connection due to administrator command")) {
            return ADMIN_TERMINATION;
        } else if (m.startsWith("terminating connection due to idle-session timeout")) {
            return IDLE_SESSION_TIMEOUT;
        } else if (m.startsWith(TIMEOUT_TEXT)) {
            return STATEMENT_TIMEOUT;
        } else if (m.startsWith("canceling statement due to user request")) {
            return USER_CANCEL;
        } else if (isProtocolViolation(m)) {
            return PROTOCOL_VIOLATION;
        }
        return OTHER;
    }

    private static boolean isProtocolViolation(String m) {
        return m.startsWith("incomplete startup packet") || m.startsWith("invalid length of startup packet")
                || m.startsWith("invalid frontend message type") || m.startsWith("terminating connection because protocol")
                || m.startsWith("unexpected EOF within message length word") || m.startsWith("invalid message length")
                || m.startsWith("incomplete message from client");
    }
}
