package org.crackdown.analysis.stats;

import java.util.Arrays;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Mean, standard deviation and Student-t confidence interval of replicate values. Missing
 * values (NaN) are left out.
 *
 * <p>CI = mean ± t(1-α/2, n-1) · s / √n, with s the sample standard deviation (divisor n-1).
 */
public record Sample(int n, double mean, double sd, Interval ci) {

    public static final double LEVEL = 0.95;

    public static Sample of(double[] values) {
        double[] xs = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        int n = xs.length;
        if (n == 0) {
            return new Sample(0, Double.NaN, Double.NaN, Interval.NONE);
        }
        double mean = mean(xs);
        if (n == 1) {
            return new Sample(1, mean, Double.NaN, Interval.NONE);
        }
        double sd = sd(xs, mean);
        double h = tQuantile(n - 1) * sd / Math.sqrt(n);
        return new Sample(n, mean, sd, new Interval(mean - h, mean + h));
    }

    /** Two-sided 95% quantile of Student's t with {@code df} degrees of freedom. */
    public static double tQuantile(int df) {
        return new TDistribution(null, df).inverseCumulativeProbability(1 - (1 - LEVEL) / 2);
    }

    static double mean(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s / xs.length;
    }

    static double sd(double[] xs, double mean) {
        double ss = 0;
        for (double x : xs) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (xs.length - 1));
    }
}
