package dev.poolscope.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The checkouts currently open, indexed so a checkin finds its checkout whichever ids the log has.
 * Each checkout sits in the request index when it has a request id, and in the connection index when
 * it has a connection id; one with neither waits in its process's anonymous stack. Indexes hold
 * deques so that, with several open checkouts and nothing better to go on, the latest closes first.
 */
final class OpenCheckouts {
    private record ConnKey(String process, String connId) {}

    private final Map<RequestKey, ArrayDeque<Checkout>> byRequest = new HashMap<>();
    private final Map<ConnKey, ArrayDeque<Checkout>> byConn = new HashMap<>();
    private final Map<String, ArrayDeque<Checkout>> anonymous = new HashMap<>();
    private long size;
    private long nextSeq;

    void add(Checkout c) {
        c.seq = nextSeq++;
        if (c.requestId != null) {
            byRequest.computeIfAbsent(new RequestKey(c.process, c.requestId), k -> new ArrayDeque<>(2)).addLast(c);
        }
        if (c.connId != null) {
            byConn.computeIfAbsent(new ConnKey(c.process, c.connId), k -> new ArrayDeque<>(1)).addLast(c);
        }
        if (c.requestId == null && c.connId == null) {
            anonymous.computeIfAbsent(c.process, k -> new ArrayDeque<>()).addLast(c);
        }
        size++;
    }

    /** Finds and removes the checkout a checkin with these ids closes, or returns null (an orphan). */
    Checkout close(String process, String requestId, String connId) {
        Checkout match = null;
        if (requestId != null && connId != null) {
            match = lastWithConn(byRequest.get(new RequestKey(process, requestId)), connId);
        }
        if (match == null && connId != null) {
            // The checkin may be logged outside the request's context; the connection still identifies it,
            // unless both name different requests (a connection reused within one timestamp, lines reordered).
            Checkout byConnection = last(byConn.get(new ConnKey(process, connId)));
            if (byConnection != null && (requestId == null || byConnection.requestId == null)) {
                match = byConnection;
            }
        }
        if (match == null && requestId != null) {
            ArrayDeque<Checkout> ofRequest = byRequest.get(new RequestKey(process, requestId));
            // Without a connection id on the checkin, the request's latest checkout; with one, a checkout
            // whose getconn was logged before its connection was known.
            match = connId == null ? last(ofRequest) : lastWithConn(ofRequest, null);
        }
        if (match == null && requestId == null && connId == null) {
            match = last(anonymous.get(process));
        }
        if (match != null) {
            remove(match);
        }
        return match;
    }

    /** The open checkouts of one request (empty when it has none); the list is a snapshot. */
    List<Checkout> ofRequest(RequestKey key) {
        ArrayDeque<Checkout> q = byRequest.get(key);
        return q == null ? List.of() : new ArrayList<>(q);
    }

    /** Visits the open checkouts of one request without copying them; the action must not open or close any. */
    void forEachOfRequest(RequestKey key, Consumer<Checkout> action) {
        ArrayDeque<Checkout> q = byRequest.get(key);
        if (q != null) {
            q.forEach(action);
        }
    }

    long size() {
        return size;
    }

    /** Every open checkout in arrival order. */
    List<Checkout> inOrder() {
        List<Checkout> all = new ArrayList<>((int) Math.min(size, Integer.MAX_VALUE));
        forEach(all::add);
        all.sort(java.util.Comparator.comparingLong(c -> c.seq));
        return all;
    }

    void forEach(Consumer<Checkout> action) {
        byRequest.values().forEach(q -> q.forEach(action));
        byConn.values().forEach(q -> q.forEach(c -> {
            if (c.requestId == null) {
                action.accept(c);
            }
        }));
        anonymous.values().forEach(q -> q.forEach(action));
    }

    /** Removes every open checkout of one process; returns them. */
    List<Checkout> removeProcess(String process) {
        List<Checkout> gone = new ArrayList<>();
        forEach(c -> {
            if (c.process.equals(process)) {
                gone.add(c);
            }
        });
        gone.forEach(this::remove);
        return gone;
    }

    void remove(Checkout c) {
        if (c.requestId != null) {
            removeFrom(byRequest, new RequestKey(c.process, c.requestId), c);
        }
        if (c.connId != null) {
            removeFrom(byConn, new ConnKey(c.process, c.connId), c);
        }
        if (c.requestId == null && c.connId == null) {
            removeFrom(anonymous, c.process, c);
        }
        size--;
    }

    private static <K> void removeFrom(Map<K, ArrayDeque<Checkout>> index, K key, Checkout c) {
        ArrayDeque<Checkout> q = index.get(key);
        q.removeLastOccurrence(c);
        if (q.isEmpty()) {
            index.remove(key);   // keeps memory bounded by what is open, not by what was ever seen
        }
    }

    private static Checkout last(ArrayDeque<Checkout> q) {
        return q == null ? null : q.peekLast();
    }

    private static Checkout lastWithConn(ArrayDeque<Checkout> q, String connId) {
        if (q == null) {
            return null;
        }
        var it = q.descendingIterator();
        while (it.hasNext()) {
            Checkout c = it.next();
            if (Objects.equals(connId, c.connId)) {
                return c;
            }
        }
        return null;
    }
}
