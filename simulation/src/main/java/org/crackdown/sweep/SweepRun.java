package org.crackdown.sweep;

/**
 * One run of a sweep, identified by (point, strategy, replicate).
 *
 * @param index     position in the canonical order: point, then strategy (file order), then replicate
 * @param point     0-based design point
 * @param strategy  0-based strategy position in the file
 * @param replicate 1-based replicate number
 */
public record SweepRun(int index, int point, int strategy, int replicate, String pointId, String strategyName,
                       long seed, String runId) {
}
