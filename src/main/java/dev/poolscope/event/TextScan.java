package dev.poolscope.event;

/** Allocation-free substring search over jackson's character buffers. */
final class TextScan {
    private TextScan() {}

    static boolean contains(char[] chars, int off, int len, String needle) {
        int n = needle.length();
        char first = needle.charAt(0);
        int last = off + len - n;
        for (int i = off; i <= last; i++) {
            if (chars[i] != first) {
                continue;
            }
            int j = 1;
            while (j < n && chars[i + j] == needle.charAt(j)) {
                j++;
            }
            if (j == n) {
                return true;
            }
        }
        return false;
    }
}
