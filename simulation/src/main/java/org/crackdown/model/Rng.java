package org.crackdown.model;

import ec.util.MersenneTwisterFast;

/**
 * Count distributions drawn from the model's one generator (never a second one, so runs stay
 * reproducible). Large means use a normal approximation, which is deterministic too.
 */
public final class Rng {
    private Rng() {
    }

    /** Poisson-distributed count with mean {@code mean} (0 if mean &lt;= 0). */
    public static int poisson(MersenneTwisterFast r, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean < 30) {
            // Knuth's multiplication method: exact, cheap for small means.
            double limit = Math.exp(-mean);
            double prod = r.nextDouble();
            int k = 0;
            while (prod > limit) {
                k++;
                prod *= r.nextDouble();
            }
            return k;
        }
        double v = mean + Math.sqrt(mean) * r.nextGaussian();
        return (int) Math.max(0, Math.round(v));
    }

    /** Binomial count of successes in {@code n} trials of probability {@code p}. */
    public static int binomial(MersenneTwisterFast r, int n, double p) {
        if (n <= 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        if (n < 40) {
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (r.nextDouble() < p) {
                    k++;
                }
            }
            return k;
        }
        double mean = n * p;
        double sd = Math.sqrt(mean * (1 - p));
        long v = Math.round(mean + sd * r.nextGaussian());
        return (int) Math.min(n, Math.max(0, v));
    }

    /** Exponentially distributed duration with the given mean, at least 1. */
    public static int exponentialDays(MersenneTwisterFast r, double mean) {
        return (int) Math.max(1, Math.round(-mean * Math.log(1 - r.nextDouble())));
    }

    /** Uniform on [lo, hi]. */
    public static double uniform(MersenneTwisterFast r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }
}
