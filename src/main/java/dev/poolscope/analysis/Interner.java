package dev.poolscope.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Values numbered by small ints, counted by their users, so that the open-checkout store keeps an int
 * per checkout instead of a reference. An id whose last user is gone is forgotten and reused: memory
 * follows what is open now, not every value ever seen.
 */
final class Interner<T> {
    private final Map<T, Integer> ids = new HashMap<>();
    private final List<T> values = new ArrayList<>();
    private int[] users = new int[16];
    private int[] free = new int[16];
    private int freeCount;

    /** The id of {@code value}, one more user counted. */
    int acquire(T value) {
        Integer known = ids.get(value);
        int id;
        if (known != null) {
            id = known;
        } else {
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
        }
        users[id]++;
        return id;
    }

    /** One more user of an id in use. */
    void acquireId(int id) {
        users[id]++;
    }

    /** One user fewer; the last one forgets the value (returns true then). */
    boolean release(int id) {
        if (--users[id] == 0) {
            ids.remove(values.get(id));
            values.set(id, null);
            if (freeCount == free.length) {
                free = Arrays.copyOf(free, freeCount * 2);
            }
            free[freeCount++] = id;
            return true;
        }
        return false;
    }

    int users(int id) {
        return users[id];
    }

    /** The id of a value in use, or -1: for look-ups that must not add anything. */
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

    int size() {
        return ids.size();
    }
}
