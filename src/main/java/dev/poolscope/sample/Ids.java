package dev.poolscope.sample;

import java.util.random.RandomGenerator;

/** UUID-shaped and other ids drawn from the seeded generator (never UUID.randomUUID()). */
final class Ids {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Ids() {}

    /** A version-4-shaped UUID string. */
    static String uuid(RandomGenerator rng) {
        long hi = (rng.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (rng.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        char[] c = new char[36];
        int p = 0;
        for (int i = 0; i < 32; i++) {
            if (i == 8 || i == 12 || i == 16 || i == 20) {
                c[p++] = '-';
            }
            long word = i < 16 ? hi : lo;
            int shift = 60 - 4 * (i % 16);
            c[p++] = HEX[(int) (word >>> shift) & 0xF];
        }
        return new String(c);
    }

    static String clientIp(RandomGenerator rng) {
        // Documentation ranges only (RFC 5737).
        String[] nets = {"198.51.100.", "203.0.113.", "192.0.2."};
        return nets[rng.nextInt(nets.length)] + (1 + rng.nextInt(254));
    }
}
