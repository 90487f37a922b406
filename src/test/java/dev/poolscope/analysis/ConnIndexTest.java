package dev.poolscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How a connection id is stored (ConnIndex's rule): a canonical decimal of at most 18 digits as the number
 * itself, anything else as its interned text; either way the id reads back exactly as the log wrote it.
 */
class ConnIndexTest {
    private final ConnIndex index = new ConnIndex(null, new CheckoutContexts(), new Interner<>());

    @Test
    void canonicalDecimalsUpToEighteenDigitsAreTheirOwnNumber() {
        assertThat(ConnIndex.parseNumber("0")).isZero();
        assertThat(ConnIndex.parseNumber("7")).isEqualTo(7);
        assertThat(ConnIndex.parseNumber("140234")).isEqualTo(140_234);
        assertThat(ConnIndex.parseNumber("9")).isEqualTo(9);   // the last digit
        assertThat(ConnIndex.parseNumber("123456789012345678")).isEqualTo(123_456_789_012_345_678L);   // 18 digits
        assertThat(ConnIndex.parseNumber("999999999999999999")).isEqualTo(999_999_999_999_999_999L);
    }

    @Test
    void anythingElseIsText() {
        for (String s : List.of("", "07", "00", "-1", "+5", "1e3", "12a", "a12", " 1", "1 ", "3.0",
                "1234567890123456789",   // 19 digits, although below 2^62
                "/", ":", "1/", "1:")) {   // the characters either side of '0' and '9'
            assertThat(ConnIndex.parseNumber(s)).as("'%s'", s).isEqualTo(-1);
        }
    }

    @Test
    void everyIdReadsBackAsWritten() {
        for (String id : List.of("0", "7", "42", "007", "-3", "conn-1", "123456789012345678", "1234567890123456789",
                "0x1f", "140234573728624")) {
            long stored = index.encode(id);
            assertThat(index.decode(stored)).as(id).isEqualTo(id);
            assertThat(index.find(id)).as(id).isEqualTo(stored);
        }
        assertThat(index.encode("42")).isEqualTo(42);
        assertThat(index.encode("007")).as("text: below NONE").isLessThan(ConnIndex.NONE);
        assertThat(index.encode(null)).isEqualTo(ConnIndex.NONE);
        assertThat(index.decode(ConnIndex.NONE)).isNull();
    }

    @Test
    void aTextIdIsFoundFromItsFirstCheckoutOn() {
        assertThat(index.find("conn-9")).isEqualTo(ConnIndex.UNKNOWN);
        long v = index.encode("conn-9");
        assertThat(index.find("conn-9")).isEqualTo(v);
        index.release(v);
        assertThat(index.find("conn-9")).as("known until a sweep, with no user").isEqualTo(v);
        index.release(index.encode("12"));   // a number holds no text: nothing to release
        assertThat(index.find("12")).isEqualTo(12);
    }
}
