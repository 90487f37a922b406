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

    @Test
    void mergeFoldsNewKeysBeyondMaxKeysIntoOtherButStillCountsKnownOnes() {
        java.util.Map<String, SignalTally> full = new java.util.HashMap<>();
        for (int i = 0; i < SignalFamily.MAX_KEYS - 1; i++) {
            full.put(String.format("k%04d", i), new SignalTally(1, 1, 1));
        }
        SignalFamily earlier = new SignalFamily(999, full, Map.of(), List.of());
        // later keys in sorted order: k0000 (known), n1 (999 keys < 1000: taken), n2 (1000 keys: folded into OTHER)
        SignalFamily later = new SignalFamily(3, Map.of("k0000", new SignalTally(1, 2, 2), "n1",
                new SignalTally(1, 3, 3), "n2", new SignalTally(1, 4, 4)), Map.of(), List.of());
        SignalFamily m = earlier.merge(later, 0);
        assertThat(m.byKey()).hasSize(SignalFamily.MAX_KEYS + 1);
        assertThat(m.byKey().get("k0000")).isEqualTo(new SignalTally(2, 1, 2));
        assertThat(m.byKey().get("n1")).isEqualTo(new SignalTally(1, 3, 3));
        assertThat(m.byKey()).doesNotContainKey("n2").containsEntry(Endpoint.OTHER, new SignalTally(1, 4, 4));
    }

    @Test
    void redactedMergesKeysAndEndpointsThatRedactAlike() {
        SignalFamily f = new SignalFamily(3, Map.of("a", new SignalTally(1, 5, 5), "b", new SignalTally(2, 3, 9)),
                Map.of("/x", 1L, "/y", 2L), List.of(item(1)));
        SignalFamily r = f.redacted(s -> s == null ? null : "R");
        // a and b both become R: 1 + 2 = 3 seen, first min(5,3) = 3, last max(5,9) = 9; /x and /y: 1 + 2 = 3
        assertThat(r.events()).isEqualTo(3);
        assertThat(r.byKey()).isEqualTo(Map.of("R", new SignalTally(3, 3, 9)));
        assertThat(r.byEndpoint()).isEqualTo(Map.of("R", 3L));
        assertThat(r.items()).containsExactly(new SignalItem(1, "R", null, "R", "app.log", 1, "R"));
    }

    @Test
    void builderCapsKeysEndpointsAndExamples() {
        SignalFamily.Builder b = new SignalFamily.Builder(2);
        List<dev.poolscope.event.PoolEvent> es = Ev.build(Ev.other(1).endpoint("/e0"), Ev.other(2).endpoint("/e0"),
                Ev.other(3).endpoint("/e0"));
        for (int i = 0; i < SignalFamily.MAX_KEYS; i++) {
            b.add(es.get(0), String.format("k%04d", i));
        }
        b.add(es.get(1), "k0000");      // known key: counted under itself
        b.add(es.get(2), "new");        // 1000 keys already: folded into OTHER
        SignalFamily f = b.finish();
        assertThat(f.events()).isEqualTo(SignalFamily.MAX_KEYS + 2);
        assertThat(f.byKey()).hasSize(SignalFamily.MAX_KEYS + 1).doesNotContainKey("new");
        assertThat(f.byKey().get("k0000").count()).isEqualTo(2);
        assertThat(f.byKey().get(Endpoint.OTHER).count()).isEqualTo(1);
        assertThat(f.byEndpoint()).isEqualTo(Map.of("/e0", SignalFamily.MAX_KEYS + 2L));
        assertThat(f.items()).hasSize(2);   // maxItems 2
    }

    @Test
    void builderFoldsEndpointsBeyondMaxDistinctIntoOther() {
        SignalFamily.Builder b = new SignalFamily.Builder(0);
        for (int i = 0; i < Endpoint.MAX_DISTINCT; i++) {
            b.add(Ev.build(Ev.other(1).endpoint("/e" + i)).get(0), "k");
        }
        b.add(Ev.build(Ev.other(2).endpoint("/e0")).get(0), "k");    // known endpoint: its own count
        b.add(Ev.build(Ev.other(3).endpoint("/new")).get(0), "k");   // 2000 distinct already: OTHER
        SignalFamily f = b.finish();
        assertThat(f.byEndpoint()).hasSize(Endpoint.MAX_DISTINCT + 1).containsEntry("/e0", 2L)
                .containsEntry(Endpoint.OTHER, 1L).doesNotContainKey("/new");
        assertThat(f.items()).isEmpty();
    }
}
