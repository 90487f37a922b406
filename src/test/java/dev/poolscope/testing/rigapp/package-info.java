/**
 * A tiny "orders service" that {@link dev.poolscope.testing.RealHikariLog} runs against a real HikariCP pool:
 * its own classes give the leak warnings' stack traces real application frames. Every borrow goes through
 * {@link dev.poolscope.testing.rigapp.Db#acquire()}, the helper frame that issue #16 says to skip; the
 * {@link dev.poolscope.testing.rigapp.Ledger} is the rig's own bookkeeping, never read back from the log.
 */
package dev.poolscope.testing.rigapp;
