package dev.poolscope.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.analysis.Counts;
import dev.poolscope.analysis.InputSummary;
import dev.poolscope.event.PoolEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputProblemTest {
    static final Allowance ONE_PERCENT = Allowance.parse("1%");

    private static InputSummary input(long lines, long blank, long malformed) {
        return new InputSummary(List.of("app.jsonl"), lines, blank, malformed, List.of());
    }

    private static Counts counts(long getconn, long putconn, long failed, long nearly) {
        return new Counts(getconn + putconn + failed + nearly, getconn, putconn, failed, nearly, 0, 0,
                PoolEvent.NO_TIME, PoolEvent.NO_TIME);
    }

    @Test
    void malformedShareIsTakenOfNonBlankLines() {
        // 100 lines, 1 malformed: exactly 1 %, allowed; with 10 blank lines the 1 is 1.1 % of 90
        assertThat(InputProblem.find(input(100, 0, 1), counts(1, 1, 0, 0), ONE_PERCENT, false)).isEmpty();
        assertThat(InputProblem.find(input(100, 10, 1), counts(1, 1, 0, 0), ONE_PERCENT, false))
                .contains(InputProblem.TOO_MALFORMED);
        assertThat(InputProblem.find(input(100, 0, 2), counts(1, 1, 0, 0), ONE_PERCENT, false))
                .contains(InputProblem.TOO_MALFORMED);
    }

    @Test
    void tooMalformedFailsEvenWhenEmptyIsAllowed() {
        assertThat(InputProblem.find(input(3, 0, 3), counts(0, 0, 0, 0), ONE_PERCENT, true))
                .contains(InputProblem.TOO_MALFORMED);
    }

    @Test
    void noLinesIsEmptyAndNoPoolEventsIsNotAPass() {
        assertThat(InputProblem.find(input(0, 0, 0), counts(0, 0, 0, 0), ONE_PERCENT, false))
                .contains(InputProblem.EMPTY);
        assertThat(InputProblem.find(input(4, 4, 0), counts(0, 0, 0, 0), ONE_PERCENT, false))
                .as("only blank lines").contains(InputProblem.EMPTY);
        assertThat(InputProblem.find(input(5, 0, 0), counts(0, 0, 0, 0), ONE_PERCENT, false))
                .contains(InputProblem.NO_POOL_EVENTS);
        assertThat(InputProblem.find(input(5, 0, 0), counts(0, 0, 0, 0), ONE_PERCENT, true)).isEmpty();
    }

    @Test
    void anyPoolEventKindCounts() {
        assertThat(InputProblem.find(input(1, 0, 0), counts(0, 1, 0, 0), ONE_PERCENT, false)).isEmpty();
        assertThat(InputProblem.find(input(1, 0, 0), counts(0, 0, 1, 0), ONE_PERCENT, false)).isEmpty();
        assertThat(InputProblem.find(input(1, 0, 0), counts(0, 0, 0, 1), ONE_PERCENT, false)).isEmpty();
    }
}
