package dev.poolscope.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Sha256Test {
    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    /** FIPS 180-4's examples: "abc" (one block) and the 56-byte message that pads into a second block. */
    @Test
    void standardExamples() {
        assertThat(hex(Sha256.digest("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(hex(Sha256.digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
        assertThat(hex(Sha256.digest(new byte[0])))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    /** Every length across the padding's edges (55, 56, 63, 64 bytes …) and the page's own style and script. */
    @Test
    void sameAsTheJdksForEveryPaddingCase() throws Exception {
        Random random = new Random(15);
        for (int length = 0; length < 300; length++) {
            byte[] message = new byte[length];
            random.nextBytes(message);
            assertThat(Sha256.digest(message)).as("length %d", length)
                    .isEqualTo(MessageDigest.getInstance("SHA-256").digest(message));
        }
        for (String name : new String[] {"report.css", "report.js"}) {
            byte[] text = HtmlTemplate.resourceText("/dev/poolscope/report/html/" + name).getBytes(StandardCharsets.UTF_8);
            assertThat(Sha256.digest(text)).isEqualTo(MessageDigest.getInstance("SHA-256").digest(text));
        }
    }
}
