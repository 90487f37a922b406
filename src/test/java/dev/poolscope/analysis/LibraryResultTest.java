package dev.poolscope.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * LibraryResult's rules, read by the reports and {@code check} (docs/log-format.md, "What each dialect can and
 * cannot tell"; docs/ci.md): HikariCP's leak detection is seen when a warning or an "unleaked" line was read;
 * leaks are observable when checkouts are logged, or leak detection is seen, or {@code leakDetectionThreshold}
 * is above 0 in a configuration dump (the largest of several pools; a value that is not a number says nothing);
 * per-input, per-dialect counts are listed sorted by name, read-only.
 */
class LibraryResultTest {

    private static LibraryResult of(long suspected, long returnedLate, Map<String, String> config,
                                    boolean checkoutsLogged) {
        return new LibraryResult(Map.of(), Map.of(), suspected, returnedLate, List.of(), 0, 0, List.of(), List.of(),
                List.of(), null, config, -1, checkoutsLogged, List.of());
    }

    private static LibraryResult hikari(long suspected, long returnedLate, Map<String, String> config) {
        return of(suspected, returnedLate, config, false);
    }

    @Test
    void leakDetectionIsSeenFromOneWarningOrOneUnleakedLine() {
        assertThat(hikari(0, 0, Map.of()).leakDetection()).isFalse();
        assertThat(hikari(1, 0, Map.of()).leakDetection()).isTrue();
        assertThat(hikari(0, 1, Map.of()).leakDetection()).isTrue();
        assertThat(hikari(3, 2, Map.of()).leakDetection()).isTrue();
    }

    @Test
    void hikariWithoutWarningsOrAThresholdAboveZeroCannotSeeLeaks() {
        // no warning, no "unleaked", no dump: zero leaks would be a figure the log never gave
        assertThat(hikari(0, 0, Map.of()).leaksObservable()).isFalse();
        // a dump with leak detection off (0) does not make it observable either
        assertThat(hikari(0, 0, Map.of("HikariPool-1.leakDetectionThreshold", "0")).leaksObservable()).isFalse();
        // 1 ms, the smallest threshold above 0, does
        assertThat(hikari(0, 0, Map.of("HikariPool-1.leakDetectionThreshold", "1")).leaksObservable()).isTrue();
        assertThat(hikari(0, 0, Map.of("HikariPool-1.leakDetectionThreshold", "2000")).leaksObservable()).isTrue();
    }

    @Test
    void aWarningOrAnUnleakedLineMakesHikariLeaksObservableWithoutADump() {
        assertThat(hikari(1, 0, Map.of()).leaksObservable()).isTrue();
        assertThat(hikari(0, 1, Map.of()).leaksObservable()).isTrue();
    }

    @Test
    void loggedCheckoutsMakeLeaksObservableWhateverHikariSaid() {
        assertThat(of(0, 0, Map.of(), true).leaksObservable()).isTrue();
        assertThat(of(0, 0, Map.of("HikariPool-1.leakDetectionThreshold", "0"), true).leaksObservable()).isTrue();
        assertThat(LibraryResult.none().leaksObservable()).isTrue();
        assertThat(LibraryResult.none().leakDetection()).isFalse();
    }

    @Test
    void theThresholdIsTheLargestOfSeveralPoolsAndNonNumbersSayNothing() {
        Map<String, String> config = Map.of(
                "HikariPool-1.leakDetectionThreshold", " 2000 ",
                "HikariPool-2.leakDetectionThreshold", "5000",
                "HikariPool-3.leakDetectionThreshold", "none",
                "HikariPool-1.maximumPoolSize", "9000");   // not a threshold, however large
        assertThat(hikari(0, 0, config).leakDetectionThreshold()).isEqualTo(5000);
        assertThat(hikari(0, 0, Map.of("HikariPool-1.leakDetectionThreshold", "none")).leakDetectionThreshold())
                .isEqualTo(-1);
        assertThat(hikari(0, 0, Map.of()).leakDetectionThreshold()).isEqualTo(-1);
    }

    @Test
    void countsPerInputAndDialectAreSortedByNameAndSumToTheTotal() {
        Map<String, Long> b = new LinkedHashMap<>();
        b.put("sqlalchemy", 4L);
        b.put("hikari", 3L);
        Map<String, Map<String, Long>> events = new LinkedHashMap<>();
        events.put("z.log", Map.of("hikari", 2L));
        events.put("a.log", b);
        LibraryResult r = new LibraryResult(events, events, 0, 0, List.of(), 0, 0, List.of(), List.of(), List.of(),
                null, Map.of("b", "2", "a", "1"), -1, true, List.of());
        assertThat(r.poolEvents().keySet()).containsExactly("a.log", "z.log");
        assertThat(r.poolEvents().get("a.log").keySet()).containsExactly("hikari", "sqlalchemy");
        assertThat(r.poolEvents().get("a.log")).containsEntry("sqlalchemy", 4L).containsEntry("hikari", 3L);
        assertThat(r.libraryLines().keySet()).containsExactly("a.log", "z.log");
        assertThat(r.libraryLines().get("z.log")).containsExactly(Map.entry("hikari", 2L));
        assertThat(r.config().keySet()).containsExactly("a", "b");
        assertThat(r.totalPoolEvents()).isEqualTo(2 + 4 + 3);
        assertThatThrownBy(() -> r.poolEvents().put("x", Map.of())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> r.poolEvents().get("a.log").put("x", 1L))
                .isInstanceOf(UnsupportedOperationException.class);
        // later changes to the caller's maps do not reach the result
        b.put("psycopg", 100L);
        assertThat(r.totalPoolEvents()).isEqualTo(9);
    }
}
