package dev.poolscope.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The error texts of schema-missing and stale-connections-dropped and the levels whose lines are searched
 * (docs/findings.md, "error texts").
 */
class ErrorSignalsTest {

    // --- which levels are searched: warning and above, no level, unknown levels; quiet ones are not ---

    @Test
    void aLineWithoutALevelIsSearched() {
        assertThat(ErrorSignals.severe(null)).isTrue();
        assertThat(ErrorSignals.severe("")).isTrue();
    }

    @Test
    void warningAndAboveAreSearchedWhateverTheCase() {
        for (String level : new String[] {"warning", "WARN", "error", "ERROR", "critical", "fatal", "FATAL",
            "panic", "alert", "emergency", "severe", "SEVERE", "exception"}) {
            assertThat(ErrorSignals.severe(level)).as(level).isTrue();
        }
    }

    @Test
    void theQuietLevelsAreNotSearchedWhateverTheCase() {
        for (String level : new String[] {"info", "INFO", "Information", "debug", "DEBUG", "trace", "TRACE",
            "notice", "NOTICE", "verbose", "VERBOSE", "log", "LOG", "statement", "STATEMENT", "config",
            "CONFIG", "fine", "FINE", "finer", "FINEST"}) {
            assertThat(ErrorSignals.severe(level)).as(level).isFalse();
        }
    }

    @Test
    void aLevelThatOnlyStartsLikeAQuietOneIsSearched() {
        // "fatal" starts with f but is not fine*; "critical" with c but is not config; the letter alone
        // decides nothing for f, c, l and s
        assertThat(ErrorSignals.severe("fatal")).isTrue();
        assertThat(ErrorSignals.severe("fin")).isTrue();
        assertThat(ErrorSignals.severe("configuration-error")).isTrue();
        assertThat(ErrorSignals.severe("critical")).isTrue();
        assertThat(ErrorSignals.severe("logger-failure")).isTrue();
        assertThat(ErrorSignals.severe("lo")).isTrue();
        assertThat(ErrorSignals.severe("state")).isTrue();
        assertThat(ErrorSignals.severe("stmt")).isTrue();
    }

    @Test
    void numericLevelsFrom40AreSearched() {
        // pino and bunyan: 10 trace, 20 debug, 30 info, 40 warn, 50 error, 60 fatal
        assertThat(ErrorSignals.severe("10")).isFalse();
        assertThat(ErrorSignals.severe("20")).isFalse();
        assertThat(ErrorSignals.severe("30")).isFalse();
        assertThat(ErrorSignals.severe("39")).isFalse();
        assertThat(ErrorSignals.severe("40")).isTrue();
        assertThat(ErrorSignals.severe("50")).isTrue();
        assertThat(ErrorSignals.severe("60")).isTrue();
        // three digits are 100 or more
        assertThat(ErrorSignals.severe("100")).isTrue();
        assertThat(ErrorSignals.severe("0")).isFalse();
        assertThat(ErrorSignals.severe("3")).isFalse();
    }

    // --- the texts, in decoded strings ---

    @Test
    void theShortestTextsAreThirteenCharacters() {
        // "no such table" and "doesn't exist": anything shorter cannot hold a text
        assertThat(ErrorSignals.MIN_LENGTH).isEqualTo("no such table".length()).isEqualTo(13);
    }

    @Test
    void findsEachFamilyWithTheTextItMatched() {
        Signal s = ErrorSignals.find("relation \"users\" does not exist");
        assertThat(s).isEqualTo(new Signal(Signal.Kind.SCHEMA_MISSING, "does not exist",
                "relation \"users\" does not exist"));
        Signal t = ErrorSignals.find("psycopg2.OperationalError: server closed the connection unexpectedly");
        assertThat(t).isEqualTo(new Signal(Signal.Kind.STALE_CONNECTION, "server closed the connection unexpectedly",
                "psycopg2.OperationalError: server closed the connection unexpectedly"));
        assertThat(ErrorSignals.find("Table 'app.users' doesn't exist").needle()).isEqualTo("doesn't exist");
        assertThat(ErrorSignals.find("Failed to validate connection org.postgresql.jdbc.PgConnection@1a").kind())
                .isEqualTo(Signal.Kind.STALE_CONNECTION);
        assertThat(ErrorSignals.find("relation users exists")).isNull();
        assertThat(ErrorSignals.find("")).isNull();
    }

    @Test
    void theFirstTextInTheListWinsWhenAValueHoldsTwo() {
        // schema texts come first in the list
        Signal s = ErrorSignals.find("server closed the connection unexpectedly; no such table: jobs");
        assertThat(s.kind()).isEqualTo(Signal.Kind.SCHEMA_MISSING);
        assertThat(s.needle()).isEqualTo("no such table");
    }

    @Test
    void theTextKeptIsCutAt400Characters() {
        String exactly = "x".repeat(ErrorSignals.TEXT_MAX - "no such table".length()) + "no such table";
        assertThat(exactly).hasSize(400);
        assertThat(ErrorSignals.find(exactly).text()).isEqualTo(exactly);
        String longer = exactly + "!";
        assertThat(ErrorSignals.find(longer).text()).isEqualTo(exactly);
    }

    @Test
    void findsInACharacterBufferOnlyWithinTheValue() {
        char[] buf = "[[relation x does not exist]] no such table".toCharArray();
        Signal s = ErrorSignals.find(buf, 2, 25);
        assertThat(s).isEqualTo(new Signal(Signal.Kind.SCHEMA_MISSING, "does not exist", "relation x does not exist"));
        // a value exactly the text
        char[] exact = "__defunct connection".toCharArray();
        assertThat(ErrorSignals.find(exact, 2, 18)).isEqualTo(
                new Signal(Signal.Kind.STALE_CONNECTION, "defunct connection", "defunct connection"));
        // one character short of it
        assertThat(ErrorSignals.find(exact, 2, 17)).isNull();
        // the text lies outside the window
        assertThat(ErrorSignals.find(buf, 0, 26)).isNull();
        assertThat(ErrorSignals.find(buf, 30, 12)).isNull();
        assertThat(ErrorSignals.find(buf, 30, 13).needle()).isEqualTo("no such table");
    }

    // --- the first pass over raw bytes ---

    private static boolean mayHold(String s, int from, int to) {
        return ErrorSignals.mayHold(s.getBytes(StandardCharsets.US_ASCII), from, to);
    }

    @Test
    void rawBytesMayHoldATextWhereverItStartsWithinTheRange() {
        String s = "no such table";
        assertThat(mayHold(s, 0, s.length())).isTrue();
        String t = "ERROR: no such table";
        assertThat(mayHold(t, 0, t.length())).isTrue();
        assertThat(mayHold(t, 7, t.length())).isTrue();
        // cut at the end or the start of the range: not held
        assertThat(mayHold(t, 0, t.length() - 1)).isFalse();
        assertThat(mayHold(t, 8, t.length())).isFalse();
        assertThat(mayHold("nothing to see here at all", 0, 26)).isFalse();
    }

    @Test
    void textsSharingTheirFirstTwoBytesAreEachFound() {
        // "does not exist" and "doesn't exist" both start with "do"; "UndefinedTable" and "Unable to ..." with "Un"
        String mysql = "Table 'x' doesn't exist";
        assertThat(mayHold(mysql, 0, mysql.length())).isTrue();
        String neo = "Unable to retrieve routing information";
        assertThat(mayHold(neo, 0, neo.length())).isTrue();
        String pg = "UndefinedTable";
        assertThat(mayHold(pg, 0, pg.length())).isTrue();
        // a near miss on a shared start
        assertThat(mayHold("does exist, Undefined", 0, 21)).isFalse();
    }

    @Test
    void everyTextIsFoundInRawBytesAndInDecodedText() {
        String[] texts = {"does not exist", "UndefinedTable", "undefined table", "no such table", "doesn't exist",
            "Unable to retrieve routing information", "defunct connection",
            "server closed the connection unexpectedly", "SSL SYSCALL error: EOF detected",
            "terminating connection due to administrator command", "This connection has been closed",
            "Failed to validate connection"};
        for (String text : texts) {
            String value = "<" + text + ">";
            assertThat(mayHold(value, 1, value.length() - 1)).as(text).isTrue();
            assertThat(mayHold(value, 1, value.length() - 2)).as(text).isFalse();
            assertThat(ErrorSignals.find(value).needle()).as(text).isEqualTo(text);
            char[] chars = value.toCharArray();
            assertThat(ErrorSignals.find(chars, 1, chars.length - 2).needle()).as(text).isEqualTo(text);
            assertThat(ErrorSignals.find(chars, 1, chars.length - 3)).as(text).isNull();
        }
    }
}
