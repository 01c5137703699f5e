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

    public static Replicates of(Scenario s, int n, ToDoubleFunction<Map<String, Double>> measure) {
        Replicates r = new Replicates();
        for (long seed = 1; seed <= n; seed++) {
            r.stats.addValue(measure.applyAsDouble(TestScenarios.summary(s, seed)));
        }
        return r;
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
        return String.format("%.1f ± %.1f (n=%d)", mean(), standardError(), stats.getN());
    }
}
