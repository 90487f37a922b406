package dev.poolscope.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Values numbered by small ints, counted by their users, so that the open-checkout store keeps an int
 * per checkout instead of a reference. An id whose last user is gone stays known for a while (a value
 * often comes back: the next checkout of the same endpoint) and is forgotten in a sweep once such idle
 * ids outnumber both the ids in use and a thousand: memory follows what is open now, not every value ever
 * seen, without a map update every time a count touches zero.
 */
final class Interner<T> {
    private static final int MIN_IDLE = 1024;

    private final Map<T, Integer> ids = new HashMap<>();
    private final List<T> values = new ArrayList<>();
    private final IntConsumer onForget;
    private int[] users = new int[16];
    private int[] free = new int[16];
    private int freeCount;
    private int idle;

    Interner() {
        this(id -> { });
    }

    /** @param onForget told of each id just before it is forgotten (its value still readable) */
    Interner(IntConsumer onForget) {
        this.onForget = onForget;
    }

    /** The id of {@code value}, one more user counted. */
    int acquire(T value) {
        Integer known = ids.get(value);
        int id;
        if (known != null) {
            id = known;
        } else {
            sweepIfIdle();
            if (freeCount > 0) {
                id = free[--freeCount];
                values.set(id, value);
            } else {
                id = values.size();
                values.add(value);
                if (id == users.length) {
                    users = Arrays.copyOf(users, id * 2);
                }
            }
            ids.put(value, id);
            users[id] = 1;
            return id;
        }
        acquireId(id);
        return id;
    }

    /** One more user of a known id. */
    void acquireId(int id) {
        if (users[id]++ == 0) {
            idle--;   // it was idle, known but unused
        }
    }

    /** One user fewer; the id stays known until a sweep. */
    void release(int id) {
        if (--users[id] == 0) {
            idle++;
        }
    }

    /** Forgets the ids nobody uses once they outnumber the rest (amortised: a sweep frees at least half). */
    private void sweepIfIdle() {
        if (idle <= MIN_IDLE || idle <= ids.size() - idle) {
            return;
        }
        for (int id = 0; id < values.size(); id++) {
            T value = values.get(id);
            if (users[id] == 0 && value != null) {
                onForget.accept(id);
                ids.remove(value);
                values.set(id, null);
                if (freeCount == free.length) {
                    free = Arrays.copyOf(free, freeCount * 2);
                }
                free[freeCount++] = id;
            }
        }
        idle = 0;
    }

    /** The id of a known value, or -1: for look-ups that must not add anything. */
    int find(T value) {
        Integer id = ids.get(value);
        return id == null ? -1 : id;
    }

    T get(int id) {
        return values.get(id);
    }

    /** Ids handed out so far bound every id: arrays indexed by id need this length. */
    int capacity() {
        return values.size();
    }

    int users(int id) {
        return users[id];
    }

    /** Values known now, idle ones included (tests). */
    int size() {
        return ids.size();
    }
}
