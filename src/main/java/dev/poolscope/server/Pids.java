package dev.poolscope.server;

/** Process ids as the formats write them. */
final class Pids {
    private Pids() {}

    static int parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 9) {
            return ServerRecord.NO_PID;
        }
        int v = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return ServerRecord.NO_PID;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
