package org.crackdown.analysis;

import org.crackdown.analysis.io.Field;
import org.crackdown.analysis.stats.PairedComparison;

/**
 * A strategy compared with the baseline on one measure, over runs paired by seed.
 *
 * @param unpaired           successful runs of either strategy with no partner (left out)
 * @param pHolm              Holm-adjusted p over the whole family of comparisons
 * @param replicationsNeeded pairs needed for a CI half-width of precision × |baseline mean|
 */
public record DifferenceRow(String pointId, String strategy, String baseline, Field measure, PairedComparison comparison,
        int unpaired, double pHolm, double replicationsNeeded) {

    public static final double ALPHA = 0.05;

    public boolean significant() {
        return !Double.isNaN(pHolm) && pHolm < ALPHA;
    }
}
