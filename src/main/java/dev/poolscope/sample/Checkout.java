package dev.poolscope.sample;

/** One successful getconn; {@code logged} records whether its getconn line made it into the log. */
final class Checkout {
    final Pool.Conn conn;
    final Origin origin;
    final long takenAt;
    boolean logged;

    Checkout(Pool.Conn conn, Origin origin, long takenAt) {
        this.conn = conn;
        this.origin = origin;
        this.takenAt = takenAt;
    }
}
