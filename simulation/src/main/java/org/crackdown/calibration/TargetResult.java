package org.crackdown.calibration;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * How the replicated runs did on one target.
 *
 * @param target the target as it applies to these runs (counts scaled)
 * @param mean   mean over the replicates that produced a value (NaN if none did)
 * @param sd     sample standard deviation over those replicates (NaN with fewer than two)
 * @param n      replicates that produced a value (a price is missing when nothing was sold)
 * @param loss   the target's term of the loss (0 when not scored)
 * @param scored whether the runs were scored against the target: not when it is national-only and
 *               they ran at another scale ({@link Target#comparableAt})
 */
public record TargetResult(Target target, double mean, double sd, int n, double loss, boolean scored) {

    /** Summarises one column over replicates, scored; NaN entries are missing values and are left out. */
    public static TargetResult of(Target target, double[] values) {
        return of(target, values, true);
    }

    /** As {@link #of(Target, double[])}; an unscored result adds nothing to the loss and misses nothing. */
    public static TargetResult of(Target target, double[] values, boolean scored) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        double mean = n > 0 ? sum / n : Double.NaN;
        double ss = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN;
        return new TargetResult(target, mean, sd, n, scored ? target.loss(mean) : 0, scored);
    }

    /** Whether the mean meets the target; an unscored result counts as met (it is not judged). */
    public boolean within() {
        return !scored || target.accepts(mean);
    }

    /** Half-width of the 95% confidence interval of the mean (Student t), NaN with fewer than two values. */
    public double ciHalfWidth() {
        if (n < 2 || Double.isNaN(sd)) {
            return Double.NaN;
        }
        return new TDistribution(null, n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
    }
}
