package dev.poolscope.analysis;

/**
 * An input that could not be read to its end, e.g. a truncated or corrupt gzip file. Everything
 * before the failure was analysed.
 *
 * @param byteOffset where reading failed, in the file's own bytes (compressed bytes for gzip)
 * @param afterLine  the last line read whole before the failure
 */
public record ReadError(String source, long byteOffset, long afterLine, String message) {}
