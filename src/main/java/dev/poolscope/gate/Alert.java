package dev.poolscope.gate;

import dev.poolscope.analysis.Level;

/**
 * A level change worth telling someone about.
 *
 * @param previous          the level of the previous alert, or null when the watch started at this level
 * @param suppressedChanges level changes held back by the cooldown since the previous alert
 */
public record Alert(Level previous, Level level, long time, long suppressedChanges) {}
