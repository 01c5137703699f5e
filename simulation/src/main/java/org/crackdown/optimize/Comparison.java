package org.crackdown.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.crackdown.analysis.stats.PairedComparison;
import org.crackdown.analysis.stats.Sample;

/**
 * The optimum against the named strategies, on the comparison's own seeds (common to all of
 * them): each strategy's mean with its 95% CI, and the paired difference optimum minus strategy
 * with its 95% CI ({@link PairedComparison}, the analysis' paired t interval). Over a posterior
 * the pairs are the draws (each draw's mean over its replicates), so the interval includes
 * parameter uncertainty, as in the robust comparison of {@code crackdown analyze}.
 */
public final class Comparison {

    /**
     * One strategy's row.
     *
     * @param units        the values compared: per draw (over a posterior) or per replicate
     * @param officerYears mean officer-years of its runs (the cost)
     * @param versus       optimum minus this strategy, paired (null for the optimum itself)
     */
    public record Row(String strategy, double[] units, Sample sample, double officerYears, PairedComparison versus) {

        /** Whether the optimum is better, worse or not distinguishable from this strategy at 95%. */
        public String verdict(boolean maximise) {
            if (versus == null) {
                return "";
            }
            double lo = versus.difference().ci().low();
            double hi = versus.difference().ci().high();
            if (Double.isNaN(lo)) {
                return "undetermined";
            }
            if (maximise ? lo > 0 : hi < 0) {
                return "optimum better";
            }
            if (maximise ? hi < 0 : lo > 0) {
                return "optimum worse";
            }
            return "no clear difference";
        }
    }

    private Comparison() {
    }

    /**
     * @param names strategies in order, the optimum first
     * @param runs  each strategy's runs on the comparison's seeds, in the same order
     * @param draws posterior draws (1 without a posterior)
     */
    public static List<Row> of(List<String> names, List<Optimization.Runs> runs, int draws) {
        double[] optimum = units(runs.get(0).measure(), draws);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            double[] u = units(runs.get(i).measure(), draws);
            double oy = Arrays.stream(runs.get(i).officerYears()).average().orElse(Double.NaN);
            rows.add(new Row(names.get(i), u, Sample.of(u), oy, i == 0 ? null : PairedComparison.of(u, optimum)));
        }
        return rows;
    }

    /** The best named strategy by mean (the first on ties), or null if there is none. */
    public static Row bestNamed(List<Row> rows, boolean maximise) {
        Row best = null;
        for (Row r : rows.subList(1, rows.size())) {
            double m = r.sample().mean();
            if (best == null || (maximise ? m > best.sample().mean() : m < best.sample().mean())) {
                best = r;
            }
        }
        return best;
    }

    static double[] units(double[] measure, int draws) {
        if (draws == 1) {
            return measure.clone();
        }
        int reps = measure.length / draws;
        double[] u = new double[draws];
        for (int d = 0; d < draws; d++) {
            double s = 0;
            for (int k = 0; k < reps; k++) {
                s += measure[d * reps + k];
            }
            u[d] = s / reps;
        }
        return u;
    }
}
