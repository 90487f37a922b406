package dev.poolscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The open-checkout store's guards, unreachable from log input (docs/testing.md calls {@code remove}'s a misuse
 * check): past its bound, or asked to close a slot that is not open, the store fails loudly with
 * IllegalStateException rather than handing out or freeing a wrong slot.
 */
class StoreMisuseTest {

    /** SlotIndex.MAX_SLOTS bounds the store: the slot at the bound is refused, not handed out. */
    @Test
    void noSlotIsHandedOutAtTheBound() {
        SlotColumns col = new SlotColumns();
        col.top = SlotIndex.MAX_SLOTS;
        assertThatThrownBy(col::allocate).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(Integer.toString(SlotIndex.MAX_SLOTS));
        assertThat(col.top).isEqualTo(SlotIndex.MAX_SLOTS);
    }

    /** top() is the next slot to be handed out, never an open one: closing it is refused. */
    @Test
    void theSlotAtTheTopIsNotOpen() {
        OpenCheckouts open = new OpenCheckouts();
        int s = open.add("p1", "r1", "A", 0, null, "t.jsonl", 1);
        assertThat(open.top()).isEqualTo(s + 1);
        assertThatThrownBy(() -> open.remove(open.top())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not open");
        assertThat(open.size()).isEqualTo(1);
        open.remove(s);
        assertThat(open.size()).isZero();
        assertThatThrownBy(() -> open.remove(s)).isInstanceOf(IllegalStateException.class);
    }
}
