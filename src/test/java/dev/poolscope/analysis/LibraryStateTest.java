package dev.poolscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link LibraryState}, rule by rule (docs/summaries.md, pool libraries): what two summaries' library states
 * merge into and what a state finishes as. States are built by hand; expectations are read off them.
 */
class LibraryStateTest {
    private static final String P = "web-1/4242";

    private static LibraryState state(Map<String, Map<String, Long>> events, Map<String, String> config,
                                      List<LibraryState.ConfigLine> unplaced, Map<String, String> dumping, int max,
                                      String maxSource, boolean checkoutsLogged, boolean hikariSeen, HikariState h) {
        return new LibraryState(events, events, config, unplaced, dumping, max, maxSource, 0, checkoutsLogged,
                hikariSeen, h);
    }

    private static LibraryState flags(boolean checkoutsLogged, boolean hikariSeen) {
        return state(Map.of(), Map.of(), List.of(), Map.of(), -1, null, checkoutsLogged, hikariSeen, HikariState.empty());
    }

    private static LibraryState max(int max, String source) {
        return state(Map.of(), Map.of(), List.of(), Map.of(), max, source, false, false, HikariState.empty());
    }

    @Test
    void tallyPerInputAndDialectAdd() {
        // rule: a.log hikaricp 2 + 3 = 5, a.log sqlalchemy only earlier (1), b.log only later (4)
        LibraryState a = state(Map.of("a.log", Map.of("hikaricp", 2L, "sqlalchemy", 1L)), Map.of(), List.of(),
                Map.of(), -1, null, false, false, HikariState.empty());
        LibraryState b = state(Map.of("a.log", Map.of("hikaricp", 3L), "b.log", Map.of("hikaricp", 4L)), Map.of(),
                List.of(), Map.of(), -1, null, false, false, HikariState.empty());
        assertThat(a.poolEvents()).isEqualTo(Map.of("a.log", Map.of("hikaricp", 2L, "sqlalchemy", 1L)));
        Map<String, Map<String, Long>> sum = Map.of("a.log", Map.of("hikaricp", 5L, "sqlalchemy", 1L),
                "b.log", Map.of("hikaricp", 4L));
        LibraryState m = a.merge(b, 10);
        assertThat(m.poolEvents()).isEqualTo(sum);
        assertThat(m.libraryLines()).isEqualTo(sum);
        assertThat(m.finish(-1, 10, null).poolEvents()).isEqualTo(sum);
    }

    @Test
    void aLaterSettingJoinsTheConfigurationAndAContinuedDumpIsNamedByTheEarlierThread() {
        // rule: the later summary's settings are added (a same key takes the later value); its unplaced lines of a
        // thread the earlier summary saw begin a dump (main: HikariPool-1) go under that pool; others stay unplaced;
        // the threads still dumping are the union
        String main = P + "\u0000main";
        String worker = P + "\u0000worker";
        LibraryState a = state(Map.of(), Map.of("HikariPool-1.minimumIdle", "2"), List.of(), Map.of(main, "HikariPool-1"),
                -1, null, false, false, HikariState.empty());
        LibraryState.ConfigLine size = new LibraryState.ConfigLine(P, "main", "maximumPoolSize", "12");
        LibraryState.ConfigLine stray = new LibraryState.ConfigLine(P, "other", "idleTimeout", "600000");
        LibraryState b = state(Map.of(), Map.of("HikariPool-2.minimumIdle", "4"), List.of(size, stray),
                Map.of(worker, "HikariPool-2"), -1, null, false, false, HikariState.empty());
        LibraryState m = a.merge(b, 10);
        assertThat(m.config()).isEqualTo(Map.of("HikariPool-1.minimumIdle", "2", "HikariPool-1.maximumPoolSize", "12",
                "HikariPool-2.minimumIdle", "4"));
        assertThat(m.unplaced()).containsExactly(stray);
        assertThat(m.dumping()).isEqualTo(Map.of(main, "HikariPool-1", worker, "HikariPool-2"));
    }

    @Test
    void theLargerMaximumWinsWithItsSource() {
        // rule: the maximum is the larger of the two (12 from the later "stats", then 12 from the earlier
        // "config"); on a tie the earlier source stays
        LibraryState later = max(10, "config").merge(max(12, "stats"), 10);
        assertThat(later.max()).isEqualTo(12);
        assertThat(later.maxSource()).isEqualTo("stats");
        LibraryState earlier = max(12, "config").merge(max(10, "stats"), 10);
        assertThat(earlier.max()).isEqualTo(12);
        assertThat(earlier.maxSource()).isEqualTo("config");
        assertThat(max(12, "config").merge(max(12, "stats"), 10).maxSource()).isEqualTo("config");
    }

    @Test
    void checkoutsLoggedAndHikariSeenHoldWhenEitherSummaryShowsThem() {
        // rule: each flag is the "or" of the two summaries
        assertThat(flags(false, false).merge(flags(true, true), 10)).extracting(LibraryState::checkoutsLogged,
                LibraryState::hikariSeen).containsExactly(true, true);
        assertThat(flags(true, true).merge(flags(false, false), 10)).extracting(LibraryState::checkoutsLogged,
                LibraryState::hikariSeen).containsExactly(true, true);
        assertThat(flags(false, false).merge(flags(false, false), 10)).extracting(LibraryState::checkoutsLogged,
                LibraryState::hikariSeen).containsExactly(false, false);
    }

    @Test
    void checkoutsCountAsLoggedUnlessOnlyHikariCpWasSeen() {
        // rule: HikariCP logs no checkouts, so a log that showed HikariCP and no checkout has none logged; a log
        // with no HikariCP at all is treated as one whose checkouts are logged (no "checkouts unlogged" note)
        assertThat(flags(false, true).finish(-1, 10, null).checkoutsLogged()).isFalse();
        assertThat(flags(false, false).finish(-1, 10, null).checkoutsLogged()).isTrue();
        assertThat(flags(true, true).finish(-1, 10, null).checkoutsLogged()).isTrue();
    }

    @Test
    void finishNamesAnUnplacedDumpPoolAndCarriesTheLeakFigures() {
        // rule: a dump whose start no summary saw is named "pool", as one pass names it; the leak figures come
        // from HikariCP's state (3 suspected, 1 returned late)
        HikariStates hs = new HikariStates();
        hs.suspected = 3;
        hs.returnedLate = 1;
        LibraryState s = state(Map.of(), Map.of(), List.of(new LibraryState.ConfigLine(P, "main", "maximumPoolSize",
                "12")), Map.of(), -1, null, false, true, hs.build());
        LibraryResult r = s.finish(-1, 10, null);
        assertThat(r.config()).isEqualTo(Map.of("pool.maximumPoolSize", "12"));
        assertThat(r.suspected()).isEqualTo(3);
        assertThat(r.returnedLate()).isEqualTo(1);
    }

    @Test
    void configurationIsCappedAtMaxConfigEntries() {
        // rule: at most MAX_CONFIG (1000) settings: the 1000th is put, a 1001st is not
        Map<String, String> cfg = new HashMap<>();
        for (int i = 0; i < LibraryState.MAX_CONFIG - 1; i++) {
            cfg.put("k" + i, "v");
        }
        LibraryState.put(cfg, "last", "v");
        assertThat(cfg).hasSize(LibraryState.MAX_CONFIG).containsKey("last");
        LibraryState.put(cfg, "beyond", "v");
        assertThat(cfg).hasSize(LibraryState.MAX_CONFIG).doesNotContainKey("beyond");
    }

    @Test
    void theEmptyStateAddsNothingToAMerge() {
        // rule: a summary with no library lines is the empty state: no maximum (-1), no tallies, no settings, and
        // merged before another state it leaves that state's figures as they were (max 12 from "stats")
        LibraryState e = LibraryState.empty();
        assertThat(e.max()).isEqualTo(-1);
        assertThat(e.poolEvents()).isEmpty();
        assertThat(e.config()).isEmpty();
        LibraryState m = e.merge(max(12, "stats"), 10);
        assertThat(m.max()).isEqualTo(12);
        assertThat(m.maxSource()).isEqualTo("stats");
    }

    @Test
    void unplacedLinesAndDumpingThreadsAreCappedAtMaxConfig() {
        // rule: at most MAX_CONFIG (1000) unplaced lines and threads mid-dump are kept across a seam. Earlier: 999
        // of each; later: 3 more unplaced lines (1 kept: 1000), 3 new dumping threads (1 kept: 1000) and a new pool
        // for an earlier thread t0, which replaces its pool even at the cap
        List<LibraryState.ConfigLine> unplaced = new ArrayList<>();
        Map<String, String> dumping = new HashMap<>();
        for (int i = 0; i < LibraryState.MAX_CONFIG - 1; i++) {
            unplaced.add(new LibraryState.ConfigLine(P, "u" + i, "minimumIdle", "2"));
            dumping.put(P + "\u0000t" + i, "HikariPool-1");
        }
        LibraryState a = state(Map.of(), Map.of(), unplaced, dumping, -1, null, false, false, HikariState.empty());
        List<LibraryState.ConfigLine> more = List.of(new LibraryState.ConfigLine(P, "x1", "minimumIdle", "2"),
                new LibraryState.ConfigLine(P, "x2", "minimumIdle", "2"),
                new LibraryState.ConfigLine(P, "x3", "minimumIdle", "2"));
        Map<String, String> later = new TreeMap<>(Map.of(P + "\u0000n1", "HikariPool-2", P + "\u0000n2", "HikariPool-2",
                P + "\u0000n3", "HikariPool-2", P + "\u0000t0", "HikariPool-3"));
        LibraryState m = a.merge(state(Map.of(), Map.of(), more, later, -1, null, false, false, HikariState.empty()), 10);
        assertThat(m.unplaced()).hasSize(LibraryState.MAX_CONFIG);
        assertThat(m.unplaced()).contains(more.get(0)).doesNotContain(more.get(1), more.get(2));
        assertThat(m.dumping()).hasSize(LibraryState.MAX_CONFIG);
        assertThat(m.dumping()).containsEntry(P + "\u0000n1", "HikariPool-2").containsEntry(P + "\u0000t0", "HikariPool-3")
                .doesNotContainKeys(P + "\u0000n2", P + "\u0000n3");
    }
}
