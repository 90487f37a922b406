package dev.poolscope.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A fixed number of seeded random mutations of the fuzz corpus through both targets, in every build.
 * Not coverage-guided (that is {@code bench/fuzz.sh}); it keeps the invariants exercised on inputs
 * the corpus alone does not hold. A failure prints the seed and iteration to replay it.
 */
class FuzzSmokeTest {
    static final int ITERATIONS = 400;
    private static final long SEED = 6;
    private static final byte[] INTERESTING = {'{', '}', '[', ']', '"', ':', ',', '\\', '\n', '\r', ' ', 0, 0x1b,
        (byte) 0xff, (byte) 0xc3, (byte) 0xef, (byte) 0xbb, (byte) 0xbf, '0', '-', 'e'};

    @Test
    void lineDecoderSurvivesMutatedCorpus() {
        run("DecoderFuzzTestInputs/lineDecoder", FuzzTargets::lineDecoder);
    }

    @Test
    void pipelineSurvivesMutatedCorpus() {
        run("PipelineFuzzTestInputs/pipeline", FuzzTargets::pipeline);
    }

    private static void run(String corpus, Consumer<byte[]> target) {
        List<byte[]> seeds = seeds(corpus);
        Random random = new Random(SEED);
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] input = mutate(seeds, random);
            try {
                target.accept(input);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("iteration " + i + " (seed " + SEED + ") input " + Arrays.toString(input), e);
            }
        }
    }

    static byte[] mutate(List<byte[]> seeds, Random r) {
        byte[] b = seeds.get(r.nextInt(seeds.size())).clone();
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits && b.length > 0; e++) {
            int at = r.nextInt(b.length);
            b = switch (r.nextInt(6)) {
                case 0 -> flip(b, at, r);
                case 1 -> insert(b, at, INTERESTING[r.nextInt(INTERESTING.length)]);
                case 2 -> concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, Math.min(b.length, at + 1 + r.nextInt(32)), b.length));
                case 3 -> concat(Arrays.copyOf(b, at + 1), Arrays.copyOfRange(b, r.nextInt(at + 1), b.length));
                case 4 -> Arrays.copyOf(b, at);
                default -> concat(Arrays.copyOf(b, at), seeds.get(r.nextInt(seeds.size())));
            };
        }
        return b;
    }

    private static byte[] flip(byte[] b, int at, Random r) {
        b[at] ^= (byte) (1 << r.nextInt(8));
        return b;
    }

    private static byte[] insert(byte[] b, int at, byte x) {
        return concat(concat(Arrays.copyOf(b, at), new byte[] {x}), Arrays.copyOfRange(b, at, b.length));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static List<byte[]> seeds(String corpus) {
        try (Stream<Path> files = Files.list(Path.of(FuzzSmokeTest.class.getResource(corpus).toURI()))) {
            List<byte[]> out = new ArrayList<>();
            for (Path p : files.sorted().toList()) {
                out.add(Files.readAllBytes(p));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
