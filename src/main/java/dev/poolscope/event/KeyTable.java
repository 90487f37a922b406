package dev.poolscope.event;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Finds the {@link FieldMapping.Slot} of a key given as UTF-8 bytes, without building a String. */
final class KeyTable {
    private final byte[][] keys;
    private final FieldMapping.Slot[] slots;
    private final int mask;

    KeyTable(FieldMapping mapping) {
        int size = 64;
        int count = 0;
        for (Field f : Field.values()) {
            count += mapping.keys(f).size();
        }
        while (size < count * 4) {
            size <<= 1;
        }
        keys = new byte[size][];
        slots = new FieldMapping.Slot[size];
        mask = size - 1;
        for (Field f : Field.values()) {
            for (String key : mapping.keys(f)) {
                // The mapping decides which field a key shared by two fields means.
                put(key.getBytes(StandardCharsets.UTF_8), mapping.slot(key));
            }
        }
    }

    private void put(byte[] key, FieldMapping.Slot slot) {
        int i = hash(key, 0, key.length) & mask;
        while (keys[i] != null) {
            if (Arrays.equals(keys[i], key)) {
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        slots[i] = slot;
    }

    /** The slot of the key in {@code b[off, off+len)}, or null when poolscope does not read it. */
    FieldMapping.Slot find(byte[] b, int off, int len) {
        int i = hash(b, off, len) & mask;
        while (true) {
            byte[] k = keys[i];
            if (k == null) {
                return null;
            }
            if (k.length == len && Arrays.equals(k, 0, len, b, off, off + len)) {
                return slots[i];
            }
            i = (i + 1) & mask;
        }
    }

    /** Length and three bytes: cheap for the many keys that are not mapped, and rarely equal for two keys. */
    private static int hash(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        int h = len * 31 + b[off];
        h = h * 31 + b[off + len - 1];
        h = h * 31 + b[off + (len >>> 1)];
        return h ^ (h >>> 7);
    }
}
