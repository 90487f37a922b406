package dev.poolscope.server;

import java.util.List;

/**
 * The app's log and the server's log of the same period, matched by application_name and time.
 *
 * @param application    the application_name the server's side was restricted to; null means every session
 * @param skewMicros     clock offset tolerated between the two hosts
 * @param leaks          app leaks against idle-in-transaction kills and EOFs in a transaction
 * @param leakPairs      which leak met which server event (capped as the lists it came from)
 * @param failedConnects the app's failed getconns against the server's too-many-clients
 * @param timeouts       the app's statement timeouts against the server's 57014s
 * @param notes          what a reader should know: samples matched instead of everything, names not seen
 */
public record JoinResult(String application, long skewMicros, Pair leaks, List<LeakPair> leakPairs,
                         List<AppLeak> appOnlyLeaks, List<SessionLoss> serverOnlyLosses, Pair failedConnects,
                         Pair timeouts, List<String> notes) {

    public JoinResult {
        leakPairs = List.copyOf(leakPairs);
        appOnlyLeaks = List.copyOf(appOnlyLeaks);
        serverOnlyLosses = List.copyOf(serverOnlyLosses);
        notes = List.copyOf(notes);
    }

    /**
     * One comparison. {@code appOnly} the app saw and the server did not; {@code serverOnly} the reverse.
     * {@code verdict} says it in a sentence.
     */
    public record Pair(long app, long server, long matched, long appOnly, long serverOnly, String verdict) {}

    /** An app leak and the server event that ended its connection. */
    public record LeakPair(AppLeak leak, SessionLoss server) {}
}
