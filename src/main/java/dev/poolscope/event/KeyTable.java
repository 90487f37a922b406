package dev.poolscope.event;

import dev.poolscope.io.ByteWords;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Finds the {@link FieldMapping.Slot} of a key given as UTF-8 bytes, without building a String. Every
 * key of every line comes here, so a key is compared as {@link ByteWords}: most keys are at most 16
 * bytes, and an unmapped one usually lands on an empty entry at once.
 */
final class KeyTable {
    private final int bits;
    private final int mask;
    private final int[] lengths;
    private final long[] heads;
    private final long[] tails;
    private final byte[][] keys;
    private final FieldMapping.Slot[] slots;

    KeyTable(FieldMapping mapping) {
        int count = 0;
        for (Field f : Field.values()) {
            count += mapping.keys(f).size();
        }
        int b = 6;
        while ((1 << b) < count * 4) {
            b++;
        }
        bits = b;
        mask = (1 << b) - 1;
        lengths = new int[1 << b];
        heads = new long[1 << b];
        tails = new long[1 << b];
        keys = new byte[1 << b][];
        slots = new FieldMapping.Slot[1 << b];
        for (Field f : Field.values()) {
            for (String key : mapping.keys(f)) {
                // The mapping decides which field a key shared by two fields means.
                put(key.getBytes(StandardCharsets.UTF_8), mapping.slot(key));
            }
        }
    }

    private void put(byte[] key, FieldMapping.Slot slot) {
        long head = ByteWords.head(key, 0, key.length);
        long tail = ByteWords.tail(key, 0, key.length);
        int i = index(head, tail, key.length);
        while (slots[i] != null) {
            if (Arrays.equals(keys[i], key)) {
                return;
            }
            i = (i + 1) & mask;
        }
        lengths[i] = key.length;
        heads[i] = head;
        tails[i] = tail;
        keys[i] = key;
        slots[i] = slot;
    }

    /** The slot of the key in {@code b[off, off+len)}, or null when poolscope does not read it. */
    FieldMapping.Slot find(byte[] b, int off, int len) {
        return probe(ByteWords.head(b, off, len), ByteWords.tail(b, off, len), len, b, off);
    }

    /** Like {@link #find} for a key of at most 16 bytes, given as its {@link ByteWords} head and tail. */
    FieldMapping.Slot findShort(long head, long tail, int len) {
        return probe(head, tail, len, null, 0);
    }

    /** The key's bytes {@code b[off, ...)} are read only beyond 16 bytes, where the words are not the whole key. */
    private FieldMapping.Slot probe(long head, long tail, int len, byte[] b, int off) {
        for (int i = index(head, tail, len); ; i = (i + 1) & mask) {
            FieldMapping.Slot slot = slots[i];
            if (slot == null || lengths[i] == len && heads[i] == head && tails[i] == tail
                    && (len <= ByteWords.WHOLE || ByteWords.middleEquals(keys[i], b, off, len))) {
                return slot;
            }
        }
    }

    private int index(long head, long tail, int len) {
        return (int) (ByteWords.hash(head, tail, len) >>> (Long.SIZE - bits));
    }
}
