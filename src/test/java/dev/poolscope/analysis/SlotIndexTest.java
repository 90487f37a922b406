package dev.poolscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SlotIndex's rules, seen through its probing API as the stores use it: every slot added under a hash is
 * found from the hash's home until an empty cell (collisions, wrap-around, removal by shifting cells back,
 * growth), a part grows once more than {@code loadTenths}/10 of it would be full, by a quarter plus 8 cells
 * and on its own, and a cell's tag tells most foreign cells apart without the store.
 *
 * <p>Hashes are built by hand: the top 6 bits choose the part, bits 32..37 are the tag, and in a table of
 * 8 cells the home is the top 3 of the low 32 bits ({@code low * 8 >>> 32}).
 */
class SlotIndexTest {
    private final long[] hashes = new long[256];

    private static long hash(int part, int tag, int homeOf8, int id) {
        return (long) part << 58 | (long) tag << 32 | (long) homeOf8 << 29 | id;
    }

    private void add(SlotIndex index, long hash, int slot) {
        hashes[slot] = hash;
        index.add(hash, slot);
    }

    /** The slots stored under {@code hash}, probing as the stores do and comparing keys as their callers do. */
    private List<Integer> found(SlotIndex index, long hash) {
        int[] t = index.table(hash);
        List<Integer> out = new ArrayList<>();
        for (int j = SlotIndex.home(hash, t.length); t[j] != 0; j = SlotIndex.next(j, t.length)) {
            if (SlotIndex.matches(t[j], hash) && hashes[SlotIndex.slotOf(t[j])] == hash) {
                out.add(SlotIndex.slotOf(t[j]));
            }
        }
        return out;
    }

    @Test
    void slotsSharingAKeyOrAHomeAreAllFoundAndTheCountFollowsAddsAndRemoves() {
        SlotIndex index = new SlotIndex(s -> hashes[s]);
        long a = hash(1, 5, 3, 1);
        long b = hash(1, 5, 3, 2);   // same part, tag and home as a: only the caller's key comparison tells them apart
        add(index, a, 0);
        add(index, a, 1);
        add(index, b, 2);
        add(index, a, 3);
        assertThat(found(index, a)).containsExactlyInAnyOrder(0, 1, 3);
        assertThat(found(index, b)).containsExactly(2);
        assertThat(index.size()).isEqualTo(4);
        index.remove(a, 1);
        assertThat(found(index, a)).containsExactlyInAnyOrder(0, 3);
        assertThat(found(index, b)).containsExactly(2);
        assertThat(index.size()).isEqualTo(3);   // 4 added, 1 removed
    }

    @Test
    void removingShiftsLaterCellsBackAcrossTheTableEnd() {
        // Four cells in 8 (no growth at 4 * 10 <= 8 * 8): A and B have home 6 (cells 6, 7), C home 7 (wraps to 0),
        // D home 0 (cell 1). Removing A leaves a hole at 6 that B, C and D each fill in turn, none at its home.
        SlotIndex index = new SlotIndex(s -> hashes[s]);
        long a = hash(2, 1, 6, 1);
        long b = hash(2, 2, 6, 2);
        long c = hash(2, 3, 7, 3);
        long d = hash(2, 4, 0, 4);
        add(index, a, 10);
        add(index, b, 11);
        add(index, c, 12);
        add(index, d, 13);
        int[] t = index.table(a);
        assertThat(t).hasSize(8);
        assertThat(new int[] {SlotIndex.slotOf(t[6]), SlotIndex.slotOf(t[7]), SlotIndex.slotOf(t[0]),
            SlotIndex.slotOf(t[1])}).containsExactly(10, 11, 12, 13);
        index.remove(a, 10);
        assertThat(found(index, a)).isEmpty();
        assertThat(found(index, b)).containsExactly(11);
        assertThat(found(index, c)).containsExactly(12);
        assertThat(found(index, d)).containsExactly(13);
        assertThat(t[1]).as("the last cell of the cluster is emptied").isZero();
    }

    @Test
    void removingLeavesCellsThatSitAtOrPastTheirHome() {
        // A at 6 (home 6), B at 7 (home 7), C wrapped to 0 (home 7), D at 1 (home 1). Removing A must move
        // nothing: each later cell's home lies cyclically after the hole, so moving it would hide it.
        SlotIndex index = new SlotIndex(s -> hashes[s]);
        long a = hash(3, 1, 6, 1);
        long b = hash(3, 2, 7, 2);
        long c = hash(3, 3, 7, 3);
        long d = hash(3, 4, 1, 4);
        add(index, a, 20);
        add(index, b, 21);
        add(index, c, 22);
        add(index, d, 23);
        index.remove(a, 20);
        int[] t = index.table(a);
        assertThat(t[6]).isZero();
        assertThat(new int[] {SlotIndex.slotOf(t[7]), SlotIndex.slotOf(t[0]), SlotIndex.slotOf(t[1])})
                .containsExactly(21, 22, 23);
        assertThat(found(index, c)).containsExactly(22);
        assertThat(index.size()).isEqualTo(3);
    }

    @Test
    void removingOrRepointingASlotThatIsNotIndexedIsRefused() {
        SlotIndex index = new SlotIndex(s -> hashes[s]);
        long a = hash(4, 1, 2, 1);
        add(index, a, 5);
        assertThatThrownBy(() -> index.remove(a, 6)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> index.repoint(a, 6, 7)).isInstanceOf(IllegalStateException.class);
        hashes[4] = a;
        index.repoint(a, 5, 4);   // the store moved slot 5 down to 4, same key
        assertThat(found(index, a)).containsExactly(4);
    }

    @Test
    void aPartGrowsOnceMoreThanItsLoadWouldBeFilledByAQuarterAndOnItsOwn() {
        // loadTenths 5: 8 cells hold 4 (4 * 10 = 8 * 5, not more); the 5th grows the part to 8 + 8/4 + 8 = 18
        // cells, which hold 9 (90 = 18 * 5); the 10th grows it to 18 + 4 + 8 = 30.
        SlotIndex index = new SlotIndex(s -> hashes[s], 5);
        long other = hash(9, 1, 0, 1);
        add(index, other, 100);
        int slot = 0;
        for (; slot < 4; slot++) {
            add(index, hash(8, slot, slot, slot), slot);
        }
        assertThat(index.table(hash(8, 0, 0, 0))).hasSize(8);
        add(index, hash(8, slot, slot, slot), slot++);
        assertThat(index.table(hash(8, 0, 0, 0))).hasSize(18);
        for (; slot < 9; slot++) {
            add(index, hash(8, slot, slot % 8, slot), slot);
        }
        assertThat(index.table(hash(8, 0, 0, 0))).hasSize(18);
        add(index, hash(8, slot, 1, slot), slot++);
        assertThat(index.table(hash(8, 0, 0, 0))).hasSize(30);
        assertThat(index.table(other)).as("another part is untouched").hasSize(8);
        for (int s = 0; s < slot; s++) {
            assertThat(found(index, hashes[s])).as("slot %d after growing", s).containsExactly(s);
        }
        assertThat(found(index, other)).containsExactly(100);
        assertThat(index.size()).isEqualTo(11);
    }

    @Test
    void removedCellsLeaveRoomSoThePartDoesNotGrow() {
        // loadTenths 5, 8 cells: 4 added, 2 removed, 2 added: never more than 4 at once, so still 8 cells.
        SlotIndex index = new SlotIndex(s -> hashes[s], 5);
        for (int s = 0; s < 4; s++) {
            add(index, hash(7, s, s, s), s);
        }
        index.remove(hashes[0], 0);
        index.remove(hashes[1], 1);
        add(index, hash(7, 4, 4, 4), 4);
        add(index, hash(7, 5, 5, 5), 5);
        assertThat(index.table(hashes[2])).hasSize(8);
        assertThat(index.size()).isEqualTo(4);
    }

    @Test
    void growingKeepsEveryEntryOfManyInOnePart() {
        // 200 slots, 3 to a key, all in part 11: the part grows many times; every slot stays found, also after
        // half are removed.
        SlotIndex index = new SlotIndex(s -> hashes[s]);
        for (int s = 0; s < 200; s++) {
            int key = s / 3;
            add(index, (long) 11 << 58 | (key * 0x9E37_79B9L & 0x3F_FFFF_FFFFL), s);
        }
        for (int s = 0; s < 200; s += 2) {
            index.remove(hashes[s], s);
        }
        for (int key = 0; key <= 199 / 3; key++) {
            List<Integer> want = new ArrayList<>();
            for (int s = 3 * key; s < Math.min(200, 3 * key + 3); s++) {
                if (s % 2 == 1) {
                    want.add(s);
                }
            }
            assertThat(found(index, hashes[3 * key])).as("key %d", key).containsExactlyInAnyOrderElementsOf(want);
        }
        assertThat(index.size()).isEqualTo(100);
    }

    @Test
    void aCellsTagSkipsCellsOfAnotherTag() {
        SlotIndex index = new SlotIndex(s -> hashes[s]);
        long mine = hash(6, 0b10_1101, 4, 1);
        long foreign = hash(6, 0b01_0010, 4, 1);   // same part and home, every tag bit different
        add(index, mine, 3);
        int cell = index.table(mine)[4];
        assertThat(SlotIndex.slotOf(cell)).isEqualTo(3);
        assertThat(SlotIndex.matches(cell, mine)).isTrue();
        assertThat(SlotIndex.matches(cell, foreign)).isFalse();
        assertThat(SlotIndex.matches(cell, mine ^ 1L << 37)).as("the tag's top bit").isFalse();
    }
}
