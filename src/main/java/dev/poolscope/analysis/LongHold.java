package dev.poolscope.analysis;

/** A checkout returned only after more than the leak threshold: a suspected leak that came back. */
public record LongHold(String process, String requestId, String connId, String endpoint, long acquiredAt,
                       long returnedAt) {

    public long heldMicros() {
        return returnedAt - acquiredAt;
    }
}
