package dev.poolscope.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class StatusScreenTest {
    private static final String ERASE = "\r\u001b[2K";
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void onATerminalTheStatusIsRedrawnInPlaceAndMessagesGoAboveIt() {
        StatusScreen screen = new StatusScreen(new PrintWriter(out), new PrintWriter(err), true, () -> 100);
        assertThat(screen.width()).isEqualTo(99);   // never the last column: some terminals wrap there
        screen.status("one");
        screen.status("two");
        screen.message("ALERT");
        screen.status("three");
        screen.println("summary");
        assertThat(out.toString()).isEqualTo(ERASE + "one" + ERASE + "two" + ERASE + "two" + ERASE + "three"
                + System.lineSeparator() + "summary" + System.lineSeparator());
        assertThat(err.toString()).isEqualTo("ALERT" + System.lineSeparator());
    }

    @Test
    void elsewhereEveryStatusIsALineOfItsOwn() {
        StatusScreen screen = new StatusScreen(new PrintWriter(out), new PrintWriter(err), false, () -> 100);
        assertThat(screen.width()).isZero();
        screen.status("one");
        screen.message("ALERT");
        screen.status("two");
        assertThat(out.toString()).isEqualTo("one" + System.lineSeparator() + "two" + System.lineSeparator());
        assertThat(out.toString()).doesNotContain("\r");
    }
}
