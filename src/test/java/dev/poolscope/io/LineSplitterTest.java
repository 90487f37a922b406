package dev.poolscope.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineSplitterTest {
    private final CollectingLines out = new CollectingLines();
    private final LineSplitter splitter = new LineSplitter(32, out);

    private void feed(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        splitter.feed(b, 0, b.length);
    }

    @Test
    void keepsAPartialLineUntilItsNewlineArrives() {
        feed("{\"a\":1}\n{\"b\"");
        assertThat(out.take()).containsExactly("{\"a\":1}");
        feed(":2}");
        assertThat(out.take()).isEmpty();
        feed("\n");
        assertThat(out.take()).containsExactly("{\"b\":2}");
    }

    @Test
    void anySplitOfTheBytesGivesTheSameLines() {
        String text = "\uFEFFone\r\ntwo\n\nthree that is long enough to be skipped whole\nfour\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int piece = 1; piece <= bytes.length; piece++) {
            CollectingLines lines = new CollectingLines();
            LineSplitter s = new LineSplitter(32, lines);
            for (int off = 0; off < bytes.length; off += piece) {
                s.feed(bytes, off, Math.min(piece, bytes.length - off));
            }
            assertThat(lines.lines).as("pieces of %d bytes", piece)
                    .containsExactly("one", "two", "", "<overlong 45>", "four");
            assertThat(lines.numbers).containsExactly(1L, 2L, 3L, 4L, 5L);
        }
    }

    @Test
    void endOfFileTurnsThePartialLineIntoALastLine() {
        feed("done\ncut off");
        splitter.endOfFile();
        assertThat(out.take()).containsExactly("done", "cut off");
        splitter.endOfFile();
        assertThat(out.take()).isEmpty();
    }

    @Test
    void joiningMidLineDropsTheFragment() {
        splitter.startFile(false, true);
        feed("ment of a line\nwhole\n");
        assertThat(out.take()).containsExactly("whole");
    }

    @Test
    void aByteOrderMarkIsStrippedOnlyAtTheStartOfAFile() {
        feed("\uFEFFfirst\n\uFEFFsecond\n");
        assertThat(out.take()).containsExactly("first", "\uFEFFsecond");
        splitter.startFile(true, false);
        feed("\uFEFFagain\n");
        assertThat(out.take()).containsExactly("again");
        assertThat(splitter.lines()).isEqualTo(1);
    }
}
