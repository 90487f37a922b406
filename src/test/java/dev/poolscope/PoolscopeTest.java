package dev.poolscope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.poolscope.analysis.Diagnosis;
import dev.poolscope.analysis.Summary;
import dev.poolscope.testing.MiniJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library facade, checked against the generator's own truth for the bundled incident sample. */
class PoolscopeTest {
    private static final Path LEAKY = Path.of("samples/leaky-routers.jsonl");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> truth() throws Exception {
        return (Map<String, Object>) MiniJson.parse(Files.readString(Path.of("samples/leaky-routers.expected.json")));
    }

    @Test
    void analysesAFileAsTheGeneratorRecordedIt() throws Exception {
        Map<String, Object> truth = truth();
        Diagnosis d = Poolscope.defaults().analyze(List.of(LEAKY));
        assertThat(d.counts().getconn()).isEqualTo(((Number) truth.get("getconn")).longValue());
        assertThat(d.counts().putconn()).isEqualTo(((Number) truth.get("putconn")).longValue());
        assertThat(d.checkouts().leakedCheckouts()).isEqualTo(((Number) truth.get("leaked_checkouts")).longValue());
    }

    @Test
    void aStreamWithANameReadsLikeTheFileAndIsNotClosed(@TempDir Path tmp) throws Exception {
        byte[] plain = Files.readAllBytes(LEAKY);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(plain);
        }
        Path copy = Files.write(tmp.resolve("leaky-routers.jsonl"), plain);
        String fromFile = json(Poolscope.defaults().analyze(List.of(copy)));
        boolean[] closed = {false};
        InputStream stream = new ByteArrayInputStream(gz.toByteArray()) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        String fromStream = json(Poolscope.defaults().analyze(stream, copy.toString()));
        assertThat(fromStream).isEqualTo(fromFile);
        assertThat(closed[0]).isFalse();
    }

    @Test
    void summariesOfTwoHalvesMergeIntoTheWhole() throws Exception {
        List<String> lines = Files.readAllLines(LEAKY);
        int half = lines.size() / 2;
        Poolscope p = Poolscope.defaults();
        Summary first = p.summarize(stream(lines.subList(0, half)), "part-1");
        Summary second = p.summarize(stream(lines.subList(half, lines.size())), "part-2");
        Summary whole = p.summarize(List.of(LEAKY));
        Summary merged = Poolscope.merge(List.of(first, second));
        assertThat(merged.counts()).isEqualTo(whole.counts());
        assertThat(psum(merged).length).isPositive();
        Summary back = Poolscope.readSummary(new ByteArrayInputStream(psum(merged)));
        assertThat(back.counts()).isEqualTo(whole.counts());
        assertThat(((Number) truth().get("getconn")).longValue()).isEqualTo(merged.counts().getconn());
    }

    private static InputStream stream(List<String> lines) {
        return new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] psum(Summary s) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Poolscope.writeSummary(s, out);
        return out.toByteArray();
    }

    private static String json(Diagnosis d) throws Exception {
        StringWriter w = new StringWriter();
        Poolscope.writeJson(d, w);
        return w.toString();
    }
}
