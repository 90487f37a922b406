package dev.poolscope.spark;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** File names of the per-stream {@code .psum} files of {@code --summaries}: readable, and distinct per key. */
final class SummaryNames {
    private SummaryNames() {}

    /** {@code pod-3/app.jsonl} → {@code pod-3_app.jsonl-1a2b3c4d.psum}: safe characters, a hash of the exact key. */
    static String fileName(String key) {
        String readable = key.replaceAll("^[a-zA-Z][a-zA-Z0-9+.-]*://", "").replaceAll("[^A-Za-z0-9._-]+", "_")
                .replaceAll("^[._]+", "");
        if (readable.length() > 100) {
            readable = readable.substring(readable.length() - 100);
        }
        return readable + "-" + hash(key) + ".psum";
    }

    private static String hash(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
