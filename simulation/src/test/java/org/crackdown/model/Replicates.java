package org.crackdown.model;

import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Replicated runs of a scenario, for statistical assertions: the mean of a measure and its
 * standard error over seeds 1..n.
 */
public final class Replicates {
    private final SummaryStatistics stats = new SummaryStatistics();
    private final java.util.List<Double> values = new java.util.ArrayList<>();

    public static Replicates of(Scenario s, int n, ToDoubleFunction<Map<String, Double>> measure) {
        Replicates r = new Replicates();
        for (long seed = 1; seed <= n; seed++) {
            r.add(measure.applyAsDouble(TestScenarios.summary(s, seed)));
        }
        return r;
    }

    /** Adds one replicate's value. */
    public void add(double value) {
        stats.addValue(value);
        values.add(value);
    }

    /** Paired t statistic of (a - b) over replicates with the same seeds, in the same order. */
    public static double pairedT(Replicates a, Replicates b) {
        SummaryStatistics d = new SummaryStatistics();
        for (int i = 0; i < a.values.size(); i++) {
            d.addValue(a.values.get(i) - b.values.get(i));
        }
        return d.getMean() / Math.max(d.getStandardDeviation() / Math.sqrt(d.getN()), 1e-12);
    }

    /** The i-th replicate's value (seed i + 1 for {@link #of}). */
    public double get(int i) {
        return values.get(i);
    }

    public double mean() {
        return stats.getMean();
    }

    public double standardError() {
        return stats.getStandardDeviation() / Math.sqrt(stats.getN());
    }

    /** Welch's t statistic of (this - other). */
    public double tAgainst(Replicates other) {
        double se = Math.sqrt(Math.pow(standardError(), 2) + Math.pow(other.standardError(), 2));
        return (mean() - other.mean()) / Math.max(se, 1e-12);
    }

    @Override
    public String toString() {
        return String.format("%.4g ± %.2g (n=%d)", mean(), standardError(), stats.getN());
    }
}
