package dev.poolscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signal families as summaries keep them (docs/findings.md, docs/summaries.md): counts add, examples capped. */
class SignalFamilyTest {

    private static SignalItem item(long line) {
        return new SignalItem(line, "p", null, "/x", "app.log", line, "rel");
    }

    @Test
    void emptyFamilyHasNoEventsNoKeysNoExamples() {
        SignalFamily e = SignalFamily.empty();
        assertThat(e).isNotNull();
        assertThat(e.events()).isZero();
        assertThat(e.byKey()).isEmpty();
        assertThat(e.byEndpoint()).isEmpty();
        assertThat(e.items()).isEmpty();
    }

    @Test
    void mergeAddsCountsPerKeyAndEndpointAndKeepsExamplesInInputOrderUpToTheCap() {
        SignalFamily earlier = new SignalFamily(2, Map.of("a", new SignalTally(2, 10, 10)), Map.of("/x", 2L),
                List.of(item(1)));
        SignalFamily later = new SignalFamily(3, Map.of("a", new SignalTally(2, 5, 20), "b", new SignalTally(1, 7, 7)),
                Map.of("/x", 1L, "/y", 2L), List.of(item(2), item(3), item(4)));

        SignalFamily m = earlier.merge(later, 3);

        // events 2 + 3 = 5; key a: 2 + 2 = 4 seen, first min(10,5) = 5, last max(10,20) = 20; b only later
        assertThat(m.events()).isEqualTo(5);
        assertThat(m.byKey()).isEqualTo(Map.of("a", new SignalTally(4, 5, 20),
                "b", new SignalTally(1, 7, 7)));
        // endpoints: /x 2 + 1 = 3, /y only later = 2
        assertThat(m.byEndpoint()).containsEntry("/x", 3L).containsEntry("/y", 2L).hasSize(2);
        // cap 3: the earlier one example, then 3 - 1 = 2 of the later ones
        assertThat(m.items()).containsExactly(item(1), item(2), item(3));
    }

    @Test
    void mergeNeverDropsEarlierExamplesWhenAlreadyOverTheCap() {
        SignalFamily earlier = new SignalFamily(2, Map.of(), Map.of(), List.of(item(1), item(2)));
        SignalFamily later = new SignalFamily(1, Map.of(), Map.of(), List.of(item(3)));
        // cap 1 < 2 already listed: max(0, 1 - 2) = 0 later examples taken, the earlier two stay
        assertThat(earlier.merge(later, 1).items()).containsExactly(item(1), item(2));
    }
}
