package org.crackdown.analysis.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Paired comparison of a strategy with the baseline over runs that share seeds (common random
 * numbers): the differences d_i = strategy_i − baseline_i are analysed as one sample, so the
 * noise both runs of a pair share cancels.
 *
 * <p>Mean difference d̄ with 95% CI d̄ ± t(0.975, n−1)·s_d/√n; paired t-test of d̄ = 0 with
 * t = d̄ / (s_d/√n) on n−1 degrees of freedom, two-sided p = 2·P(T > |t|).
 *
 * @param n            number of complete pairs
 * @param baselineMean mean of the baseline over the pairs
 * @param strategyMean mean of the strategy over the pairs
 * @param difference   mean, SD and CI of the differences
 * @param t            t statistic (±∞ when all differences are equal and non-zero; NaN if n < 2)
 * @param p            two-sided p-value (NaN if n < 2)
 */
public record PairedComparison(int n, double baselineMean, double strategyMean, Sample difference, double t, double p) {

    /** Pairs are (baseline[i], strategy[i]); pairs with a missing value on either side are dropped. */
    public static PairedComparison of(double[] baseline, double[] strategy) {
        if (baseline.length != strategy.length) {
            throw new IllegalArgumentException("pairs of unequal length");
        }
        int n = 0;
        for (int i = 0; i < baseline.length; i++) {
            if (!Double.isNaN(baseline[i]) && !Double.isNaN(strategy[i])) {
                n++;
            }
        }
        double[] b = new double[n];
        double[] s = new double[n];
        double[] d = new double[n];
        for (int i = 0, j = 0; i < baseline.length; i++) {
            if (!Double.isNaN(baseline[i]) && !Double.isNaN(strategy[i])) {
                b[j] = baseline[i];
                s[j] = strategy[i];
                d[j] = strategy[i] - baseline[i];
                j++;
            }
        }
        Sample diff = Sample.of(d);
        double bm = n == 0 ? Double.NaN : Sample.mean(b);
        double sm = n == 0 ? Double.NaN : Sample.mean(s);
        if (n < 2) {
            return new PairedComparison(n, bm, sm, diff, Double.NaN, Double.NaN);
        }
        double t;
        double p;
        if (diff.sd() == 0) {
            // Identical differences: no sampling noise at all. Equal runs (d = 0) show no
            // effect; a constant non-zero shift is as certain as it gets.
            t = diff.mean() == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, diff.mean());
            p = diff.mean() == 0 ? 1 : 0;
        } else {
            t = diff.mean() / (diff.sd() / Math.sqrt(n));
            p = 2 * new TDistribution(null, n - 1).cumulativeProbability(-Math.abs(t));
        }
        return new PairedComparison(n, bm, sm, diff, t, p);
    }

    /** Mean difference relative to the baseline mean; NaN when the baseline mean is 0. */
    public double relative() {
        return baselineMean == 0 ? Double.NaN : difference.mean() / Math.abs(baselineMean);
    }

    /** The CI relative to the baseline mean (treating the baseline mean as known). */
    public Interval relativeCi() {
        if (baselineMean == 0 || Double.isNaN(baselineMean)) {
            return Interval.NONE;
        }
        double b = Math.abs(baselineMean);
        return new Interval(difference.ci().low() / b, difference.ci().high() / b);
    }
}
