package dev.poolscope.analysis;

/**
 * A live leak-detection message, the twin of HikariCP's: a checkout held past the threshold while still
 * open ({@link Kind#SUSPECTED}), or such a checkout coming back ({@link Kind#RETURNED}).
 *
 * @param heldMicros   for a suspect, its age at the status time; for a return, how long it was held
 *                     (-1 when the log gave no times)
 * @param requestEnded a suspect whose request has already logged its end: no longer just slow
 * @param reportedOpen a return of a checkout that was reported as a suspect while open; false for a long
 *                     hold that came back between two status lines
 */
public record LeakNotice(Kind kind, String process, String requestId, String connId, String endpoint,
                         long acquiredAt, long heldMicros, boolean requestEnded, boolean reportedOpen) {

    public enum Kind { SUSPECTED, RETURNED }
}
