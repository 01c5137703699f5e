package org.crackdown.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.IntUnaryOperator;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import ec.util.MersenneTwisterFast;

/**
 * The model's samplers against their exact distributions: mean and variance within 4.5 standard
 * errors of the sampling spread (so a correct sampler fails about once in 150,000 checks, while
 * the old normal switch's +23% at n = 160, p = 0.002 is 70 standard errors out), and a chi-square
 * goodness of fit on the whole probability mass function.
 */
class RngTest {

    private static final int DRAWS = 100_000;
    private static final double Z = 4.5;

    /** Sample mean and variance of {@code DRAWS} draws, checked against the exact moments. */
    private static void assertMoments(String what, IntUnaryOperator draw, double mean, double var, double mu4) {
        double s = 0;
        double s2 = 0;
        // Sums of deviations from the exact mean: raw sums of squares of counts near 2e9 would
        // lose the variance to rounding (4e23 held to 16 digits).
        for (int i = 0; i < DRAWS; i++) {
            double d = draw.applyAsInt(i) - mean;
            s += d;
            s2 += d * d;
        }
        double dm = s / DRAWS;
        double m = mean + dm;
        double v = (s2 - DRAWS * dm * dm) / (DRAWS - 1);
        double seMean = Math.sqrt(var / DRAWS);
        // Standard error of the sample variance: sqrt((mu4 - var^2) / N).
        double seVar = Math.sqrt(Math.max(mu4 - var * var, 1e-12) / DRAWS);
        assertTrue(Math.abs(m - mean) <= Z * seMean + 1e-12,
                () -> what + ": mean " + m + " vs " + mean + " (SE " + seMean + ")");
        assertTrue(Math.abs(v - var) <= Z * seVar + 1e-12,
                () -> what + ": variance " + v + " vs " + var + " (SE " + seVar + ")");
    }

    /** Pearson chi-square of draws against pmf, pooling tail bins with fewer than 5 expected. */
    private static void assertFits(String what, IntUnaryOperator draw, java.util.function.IntToDoubleFunction pmf,
                                   int lo, int hi) {
        long[] counts = new long[hi - lo + 1];
        long outside = 0;
        for (int i = 0; i < DRAWS; i++) {
            int x = draw.applyAsInt(i);
            if (x < lo || x > hi) {
                outside++;
            } else {
                counts[x - lo]++;
            }
        }
        double chi2 = 0;
        int bins = 0;
        double pooledExp = 0;
        long pooledObs = outside;
        double inside = 0;
        for (int k = lo; k <= hi; k++) {
            inside += pmf.applyAsDouble(k);
        }
        pooledExp += (1 - inside) * DRAWS;
        for (int k = lo; k <= hi; k++) {
            double e = pmf.applyAsDouble(k) * DRAWS;
            if (e < 5) {
                pooledExp += e;
                pooledObs += counts[k - lo];
            } else {
                chi2 += (counts[k - lo] - e) * (counts[k - lo] - e) / e;
                bins++;
            }
        }
        if (pooledExp > 0) {
            chi2 += (pooledObs - pooledExp) * (pooledObs - pooledExp) / Math.max(pooledExp, 1e-9);
            bins++;
        }
        double pValue = 1 - new ChiSquaredDistribution(Math.max(1, bins - 1)).cumulativeProbability(chi2);
        final double c = chi2;
        final int b = bins;
        assertTrue(pValue > 1e-4, () -> what + ": chi-square " + c + " on " + (b - 1) + " df, p = " + pValue);
    }

    @ParameterizedTest(name = "binomial n={0} p={1}")
    @CsvSource({
        "1, 0.3", "10, 0.5", "39, 0.006", "40, 0.006", "160, 0.002", "50, 0.97", "45, 0.5",
        "200, 0.1", "299, 0.1", "301, 0.1", "1000, 0.05", "100, 0.5", "1400, 0.51", "1400, 0.0014",
        "100000, 0.002", "20000, 0.999",
        // Issue 13.5: inversion at a huge n with a tiny mean (the n log q start), and its mirror;
        // both sides of the inversion/BTPE switch at n·q = 30 for p = 1/2 and p = 0.01; BTPE far
        // from the mode, where the Stirling squeeze decides (k > 20 and npq in the millions).
        "2000000000, 1e-9", "2000000000, 0.999999999", "59, 0.5", "60, 0.5", "2999, 0.01", "3000, 0.01",
        "10000000, 0.3"})
    void binomialHasExactMomentsAndShape(int n, double p) {
        MersenneTwisterFast r = new MersenneTwisterFast(n * 31L + Double.hashCode(p));
        double mean = n * p;
        double var = n * p * (1 - p);
        double mu4 = var * (1 + 3 * p * (1 - p) * (n - 2));
        assertMoments("binomial(" + n + ", " + p + ")", i -> Rng.binomial(r, n, p), mean, var, mu4);
        BinomialDistribution exact = new BinomialDistribution(null, n, p);
        int lo = (int) Math.max(0, Math.floor(mean - 8 * Math.sqrt(var) - 2));
        int hi = (int) Math.min(n, Math.ceil(mean + 8 * Math.sqrt(var) + 2));
        assertFits("binomial(" + n + ", " + p + ")", i -> Rng.binomial(r, n, p), exact::probability, lo, hi);
    }

    @Test
    void binomialEdgeCases() {
        MersenneTwisterFast r = new MersenneTwisterFast(1);
        assertEquals(0, Rng.binomial(r, 0, 0.5));
        assertEquals(0, Rng.binomial(r, -3, 0.5));
        assertEquals(0, Rng.binomial(r, 100, 0));
        assertEquals(100, Rng.binomial(r, 100, 1));
        for (int i = 0; i < 10_000; i++) {
            int k = Rng.binomial(r, 500, 0.3);
            assertTrue(k >= 0 && k <= 500);
            int j = Rng.binomial(r, 37, 0.999);
            assertTrue(j >= 0 && j <= 37);
        }
    }

    @ParameterizedTest(name = "poisson mean={0}")
    @CsvSource({"0.01", "0.5", "3", "9.99", "10", "10.5", "30", "31", "100", "1400", "1e-6", "1e6"})
    void poissonHasExactMomentsAndShape(double lambda) {
        MersenneTwisterFast r = new MersenneTwisterFast(Double.hashCode(lambda));
        assertMoments("poisson(" + lambda + ")", i -> Rng.poisson(r, lambda), lambda, lambda, lambda * (1 + 3 * lambda));
        PoissonDistribution exact = new PoissonDistribution(null, lambda, 1e-12, 10_000_000);
        int lo = (int) Math.max(0, Math.floor(lambda - 8 * Math.sqrt(lambda) - 2));
        int hi = (int) Math.ceil(lambda + 8 * Math.sqrt(lambda) + 5);
        assertFits("poisson(" + lambda + ")", i -> Rng.poisson(r, lambda), exact::probability, lo, hi);
    }

    @Test
    void poissonOfNoMeanIsZero() {
        MersenneTwisterFast r = new MersenneTwisterFast(1);
        assertEquals(0, Rng.poisson(r, 0));
        assertEquals(0, Rng.poisson(r, -2));
    }

    /**
     * Whole days, at least one: the exact law is P(k) = P(k − ½ ≤ X &lt; k + ½) for k &gt;= 2 and
     * P(X &lt; 1.5) for k = 1, with X exponential of the given mean.
     */
    @ParameterizedTest(name = "exponentialDays mean={0}")
    @CsvSource({"0.3", "1", "20", "180"})
    void exponentialDaysFollowsTheRoundedExponential(double mean) {
        MersenneTwisterFast r = new MersenneTwisterFast(Double.hashCode(mean) + 7);
        java.util.function.IntToDoubleFunction pmf = k -> k < 1 ? 0
                : k == 1 ? 1 - Math.exp(-1.5 / mean)
                : Math.exp(-(k - 0.5) / mean) - Math.exp(-(k + 0.5) / mean);
        double m1 = 0;
        double m2 = 0;
        double m4 = 0;
        for (int k = 1; k < 200 * mean + 50; k++) {
            double pk = pmf.applyAsDouble(k);
            m1 += k * pk;
            m2 += (double) k * k * pk;
        }
        double var = m2 - m1 * m1;
        for (int k = 1; k < 200 * mean + 50; k++) {
            m4 += Math.pow(k - m1, 4) * pmf.applyAsDouble(k);
        }
        assertMoments("exponentialDays(" + mean + ")", i -> Rng.exponentialDays(r, mean), m1, var, m4);
        assertFits("exponentialDays(" + mean + ")", i -> Rng.exponentialDays(r, mean), pmf, 1,
                (int) Math.ceil(12 * mean + 3));
    }

    @Test
    void uniformCoversItsRangeEvenly() {
        MersenneTwisterFast r = new MersenneTwisterFast(3);
        double lo = 10_000;
        double hi = 30_000;
        double s = 0;
        double s2 = 0;
        int[] quarters = new int[4];
        for (int i = 0; i < DRAWS; i++) {
            double x = Rng.uniform(r, lo, hi);
            assertTrue(x >= lo && x < hi);
            s += x;
            s2 += x * x;
            quarters[(int) ((x - lo) / (hi - lo) * 4)]++;
        }
        double m = s / DRAWS;
        double var = (hi - lo) * (hi - lo) / 12;
        assertEquals((lo + hi) / 2, m, Z * Math.sqrt(var / DRAWS));
        // Variance of a uniform's sample variance: (mu4 - var^2)/N with mu4 = (hi-lo)^4/80.
        double v = s2 / DRAWS - m * m;
        assertEquals(var, v, Z * Math.sqrt((Math.pow(hi - lo, 4) / 80 - var * var) / DRAWS));
        for (int q : quarters) {
            // Each quarter is binomial(N, 1/4).
            assertEquals(DRAWS / 4.0, q, Z * Math.sqrt(DRAWS * 0.25 * 0.75));
        }
    }

    @Test
    void sameSeedSameDraws() {
        MersenneTwisterFast a = new MersenneTwisterFast(99);
        MersenneTwisterFast b = new MersenneTwisterFast(99);
        for (int i = 0; i < 1000; i++) {
            assertEquals(Rng.binomial(a, 5000, 0.3), Rng.binomial(b, 5000, 0.3));
            assertEquals(Rng.poisson(a, 250), Rng.poisson(b, 250));
        }
    }
}
