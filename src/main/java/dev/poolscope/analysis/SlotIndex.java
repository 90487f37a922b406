package dev.poolscope.analysis;

/**
 * A hash multimap from a key's 64-bit hash to store slots, without an object per entry: open addressing
 * with linear probing over int tables. Several slots may share a key (several checkouts of one request);
 * they are all found by probing from the key's home until an empty cell, and the caller compares keys.
 *
 * <p>The table is split into {@link #PARTS} parts chosen by the hash's top bits, each grown on its own by
 * a quarter: growing never copies more than one part, so there is no moment with the whole index twice
 * in memory. A cell holds {@code slot + 1} and six more hash bits (a tag), so most foreign cells are
 * skipped without reading the store. Deletion shifts later cells back (no tombstones).
 */
final class SlotIndex {
    /** Slots must stay below this (26 bits in a cell). */
    static final int MAX_SLOTS = (1 << 26) - 2;
    private static final int PARTS = 64;
    private static final int SLOT_BITS = 26;
    private static final int SLOT_MASK = (1 << SLOT_BITS) - 1;
    private static final int MIN_CAPACITY = 8;

    /** Recomputes the hash of the key a slot holds, for moving cells. */
    interface Hasher {
        long hash(int slot);
    }

    private final Hasher hasher;
    /** Most cells filled per ten, before a part grows: denser saves memory, sparser saves probing. */
    private final int loadTenths;
    private final int[][] tables = new int[PARTS][];
    private final int[] sizes = new int[PARTS];
    private long size;

    SlotIndex(Hasher hasher) {
        this(hasher, 8);
    }

    SlotIndex(Hasher hasher, int loadTenths) {
        this.hasher = hasher;
        this.loadTenths = loadTenths;
        for (int p = 0; p < PARTS; p++) {
            tables[p] = new int[MIN_CAPACITY];
        }
    }

    void add(long hash, int slot) {
        int p = part(hash);
        if ((sizes[p] + 1) * 10L > (long) tables[p].length * loadTenths) {
            grow(p);
        }
        put(tables[p], hash, cell(hash, slot));
        sizes[p]++;
        size++;
    }

    /** Removes the cell of {@code slot}, which must be present under {@code hash}. */
    void remove(long hash, int slot) {
        int p = part(hash);
        int[] t = tables[p];
        int cap = t.length;
        int want = cell(hash, slot);
        int i = home(hash, cap);
        while (t[i] != want) {
            if (t[i] == 0) {
                throw new IllegalStateException("slot " + slot + " is not indexed");
            }
            i = i + 1 == cap ? 0 : i + 1;
        }
        int hole = i;
        for (int j = hole + 1 == cap ? 0 : hole + 1; t[j] != 0; j = j + 1 == cap ? 0 : j + 1) {
            int h = home(hasher.hash(slotOf(t[j])), cap);
            // the cell at j may fill the hole unless its home lies cyclically in (hole, j]; j never equals the hole
            // (a table always has an empty cell), so "hole < j" in the test below would be the same
            boolean stays = hole <= j ? hole < h && h <= j : hole < h || h <= j;
            if (!stays) {
                t[hole] = t[j];
                hole = j;
            }
        }
        t[hole] = 0;
        sizes[p]--;
        size--;
    }

    /** Points the cell of slot {@code from} at slot {@code to}, same key (the store moved a checkout). */
    void repoint(long hash, int from, int to) {
        int[] t = tables[part(hash)];
        int want = cell(hash, from);
        int i = home(hash, t.length);
        while (t[i] != want) {
            if (t[i] == 0) {
                throw new IllegalStateException("slot " + from + " is not indexed");
            }
            i = next(i, t.length);
        }
        t[i] = cell(hash, to);
    }

    long size() {
        return size;
    }

    // Probing, for the store's loops (no callback objects on the hot path):
    // int[] t = table(h); for (int i = home(h, t.length); t[i] != 0; i = next(i, t.length)) if (matches(t[i], h)) ...

    int[] table(long hash) {
        return tables[part(hash)];
    }

    static int home(long hash, int capacity) {
        return (int) (((hash & 0xFFFF_FFFFL) * capacity) >>> 32);
    }

    static int next(int i, int capacity) {
        return i + 1 == capacity ? 0 : i + 1;
    }

    /** Whether a non-empty cell may belong to this hash (its tag agrees). */
    static boolean matches(int cell, long hash) {
        return cell >>> SLOT_BITS == tag(hash);
    }

    static int slotOf(int cell) {
        return (cell & SLOT_MASK) - 1;
    }

    private void grow(int p) {
        int[] old = tables[p];
        int[] t = new int[old.length + old.length / 4 + MIN_CAPACITY];
        for (int c : old) {
            if (c != 0) {
                put(t, hasher.hash(slotOf(c)), c);
            }
        }
        tables[p] = t;
    }

    private static void put(int[] t, long hash, int cell) {
        int i = home(hash, t.length);
        while (t[i] != 0) {
            i = next(i, t.length);
        }
        t[i] = cell;
    }

    private static int part(long hash) {
        return (int) (hash >>> 58);
    }

    private static int tag(long hash) {
        return (int) (hash >>> 32) & 63;
    }

    private static int cell(long hash, int slot) {
        return tag(hash) << SLOT_BITS | (slot + 1);
    }
}
