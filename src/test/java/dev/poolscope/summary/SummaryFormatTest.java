package dev.poolscope.summary;

import static dev.poolscope.analysis.SummaryMergePropertyTest.json;
import static dev.poolscope.analysis.SummaryMergePropertyTest.summarise;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.poolscope.analysis.RandomLog;
import dev.poolscope.analysis.Summary;
import dev.poolscope.event.PoolEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryFormatTest {

    private static byte[] bytes(Summary s) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SummaryWriter.write(s, out);
        return out.toByteArray();
    }

    private static Summary read(byte[] b) throws Exception {
        return SummaryReader.read(new ByteArrayInputStream(b));
    }

    @Test
    void aSummaryReadBackWritesTheSameBytesAndFinishesTheSame() throws Exception {
        Summary s = summarise(RandomLog.generate(11, 500));
        byte[] first = bytes(s);
        Summary back = read(first);
        assertThat(bytes(back)).isEqualTo(first);
        assertThat(json(back.finish().diagnosis())).isEqualTo(json(s.finish().diagnosis()));
        assertThat(back.finish().timeline()).isEqualTo(s.finish().timeline());
    }

    @Test
    void summariesMergedFromFilesEqualOnePass() throws Exception {
        List<PoolEvent> events = RandomLog.generate(12, 600);
        int third = events.size() / 3;
        Summary a = read(bytes(summarise(events.subList(0, third))));
        Summary b = read(bytes(summarise(events.subList(third, 2 * third))));
        Summary c = read(bytes(summarise(events.subList(2 * third, events.size()))));
        Summary merged = read(bytes(read(bytes(a.merge(b))).merge(c)));
        Summary whole = summarise(events);
        assertThat(json(merged.finish().diagnosis()).replaceAll("\"request_ended\" : \\w+", ""))
                .isEqualTo(json(whole.finish().diagnosis()).replaceAll("\"request_ended\" : \\w+", ""));
        assertThat(merged.finish().timeline()).isEqualTo(whole.finish().timeline());
    }

    @Test
    void theFormatIsVersionedAndSmall() throws Exception {
        byte[] b = bytes(summarise(RandomLog.generate(13, 600)));
        String text = new String(b, StandardCharsets.UTF_8);
        assertThat(text).startsWith("{\"format\":\"poolscope-summary\",\"version\":2,");
        // ~1,700 events become well under their own size as JSON lines (~300 bytes each)
        assertThat(b.length).isLessThan(1700 * 300 / 2);
    }

    @Test
    void damagedOrForeignFilesAreRefusedWithAReason() {
        assertThatThrownBy(() -> read("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SummaryFormatException.class).hasMessageStartingWith("not a poolscope summary");
        assertThatThrownBy(() -> read("{\"event\": \"pool.getconn.success\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SummaryFormatException.class).hasMessageContaining("no \"format\"");
        assertThatThrownBy(() -> read("{\"format\":\"poolscope-summary\",\"version\":3}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SummaryFormatException.class).hasMessageContaining("version 3");
        assertThatThrownBy(() -> read("{\"format\":\"poolscope-summary\",\"version\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SummaryFormatException.class).hasMessageContaining("missing /settings");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThatThrownBy(() -> read(new byte[0])).isInstanceOf(SummaryFormatException.class)
                .hasMessageContaining("empty file");
    }

    @Test
    void aTruncatedSummaryIsRefused() throws Exception {
        byte[] b = bytes(summarise(RandomLog.generate(14, 100)));
        byte[] cut = java.util.Arrays.copyOf(b, b.length / 2);
        assertThatThrownBy(() -> read(cut)).isInstanceOf(SummaryFormatException.class);
        String wrongType = new String(b, StandardCharsets.UTF_8).replace("\"getconn\":", "\"getconn\":\"x\",\"was\":");
        assertThatThrownBy(() -> read(wrongType.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SummaryFormatException.class).hasMessageContaining("/counts/getconn is not an integer");
    }
}
