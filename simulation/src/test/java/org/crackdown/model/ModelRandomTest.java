package org.crackdown.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.SplittableRandom;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;

import ec.util.MersenneTwisterFast;

/**
 * The model's generator: its uniforms are MASON's, its Gaussians a ziggurat fed by those same
 * uniforms (one generator a run), and its draws are standard normal. The distribution checks use
 * a fixed seed and tolerances of {@value #Z} standard errors of the sampling spread, so a correct
 * sampler would fail one of them about once in 150,000 seeds, while a wrong table, a lost sign or
 * a broken tail is many standard errors out.
 */
class ModelRandomTest {

    private static final int DRAWS = 2_000_000;
    private static final double Z = 4.5;

    private static double[] draws(long seed, int n) {
        ModelRandom r = new ModelRandom(seed);
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = r.nextGaussian();
        }
        return z;
    }

    @Test
    void uniformsAreMasons() {
        for (long seed : new long[] {1, 3, 42, -7, 1L << 40}) {
            MersenneTwisterFast mason = new MersenneTwisterFast(seed);
            ModelRandom ours = new ModelRandom(seed);
            SplittableRandom pick = new SplittableRandom(seed);
            for (int k = 0; k < 200_000; k++) {
                switch (pick.nextInt(4)) {
                    case 0 -> assertEquals(mason.nextDouble(), ours.nextDouble(), 0.0);
                    case 1 -> assertEquals(mason.nextInt(1000), ours.nextInt(1000));
                    case 2 -> assertEquals(mason.nextLong(), ours.nextLong());
                    default -> assertEquals(mason.nextBoolean(0.3), ours.nextBoolean(0.3));
                }
            }
            mason.setSeed(seed + 1);
            ours.setSeed(seed + 1);
            assertEquals(mason.nextLong(), ours.nextLong());
        }
    }

    /**
     * The Gaussians are Commons RNG's ziggurat over this generator's own 64-bit draws, interleaved
     * with the other draws in one stream: no second source of randomness.
     */
    @Test
    void gaussiansAreTheZigguratOverTheSameStream() {
        for (long seed : new long[] {1, 3, 42}) {
            MersenneTwisterFast mason = new MersenneTwisterFast(seed);
            ZigguratSampler.NormalizedGaussian zig = ZigguratSampler.NormalizedGaussian.of(mason::nextLong);
            ModelRandom ours = new ModelRandom(seed);
            SplittableRandom pick = new SplittableRandom(seed);
            for (int k = 0; k < 200_000; k++) {
                if (pick.nextInt(3) == 0) {
                    assertEquals(mason.nextDouble(), ours.nextDouble(), 0.0);
                } else {
                    assertEquals(Double.doubleToRawLongBits(zig.sample()), Double.doubleToRawLongBits(ours.nextGaussian()),
                            "seed " + seed + ", draw " + k);
                }
            }
        }
    }

    /** Sample moments of 2 million draws against N(0, 1)'s: 0, 1, skew 0, excess kurtosis 0. */
    @Test
    void momentsAreStandardNormal() {
        double[] z = draws(20261201, DRAWS);
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        for (double x : z) {
            double x2 = x * x;
            s1 += x;
            s2 += x2;
            s3 += x2 * x;
            s4 += x2 * x2;
        }
        double n = DRAWS;
        double mean = s1 / n;
        double m2 = s2 / n - mean * mean;
        double m3 = s3 / n - 3 * mean * s2 / n + 2 * mean * mean * mean;
        double m4 = s4 / n - 4 * mean * s3 / n + 6 * mean * mean * s2 / n - 3 * Math.pow(mean, 4);
        double skew = m3 / Math.pow(m2, 1.5);
        double kurt = m4 / (m2 * m2) - 3;
        // Standard errors under N(0, 1): mean 1/√n, variance √(2/n), skew √(6/n), kurtosis √(24/n).
        assertTrue(Math.abs(mean) <= Z / Math.sqrt(n), "mean " + mean);
        assertTrue(Math.abs(m2 - 1) <= Z * Math.sqrt(2 / n), "variance " + m2);
        assertTrue(Math.abs(skew) <= Z * Math.sqrt(6 / n), "skew " + skew);
        assertTrue(Math.abs(kurt) <= Z * Math.sqrt(24 / n), "excess kurtosis " + kurt);
    }

    /**
     * Tail frequencies against the normal's: beyond 2, 3, the ziggurat's base strip (3.6360066,
     * where the exponential tail sampler takes over) and 4, on each side separately (a lost sign
     * in the tail would show as one side empty).
     */
    @Test
    void tailsAreTheNormals() {
        double[] z = draws(7, DRAWS);
        NormalDistribution normal = new NormalDistribution(0, 1);
        for (double t : new double[] {1, 2, 3, 3.6360066255, 3.8, 4, 4.5}) {
            long above = 0;
            long below = 0;
            for (double x : z) {
                if (x > t) {
                    above++;
                } else if (x < -t) {
                    below++;
                }
            }
            double p = normal.cumulativeProbability(-t);
            double expected = DRAWS * p;
            double se = Math.sqrt(DRAWS * p * (1 - p));
            for (long got : new long[] {above, below}) {
                long g = got;
                assertTrue(Math.abs(g - expected) <= Z * se + 1,
                        () -> "beyond " + t + ": " + g + " draws on one side, expected " + expected + " (SE " + se + ")");
            }
            double pBoth = 2 * p;
            long both = above + below;
            double seBoth = Math.sqrt(DRAWS * pBoth * (1 - pBoth));
            assertTrue(Math.abs(both - DRAWS * pBoth) <= Z * seBoth + 1,
                    () -> "P(|z| > " + t + "): " + both + " of " + DRAWS + ", expected " + DRAWS * pBoth);
        }
    }

    /** Kolmogorov–Smirnov against N(0, 1) over the whole sample and over the far tail alone. */
    @Test
    void kolmogorovSmirnovAcceptsTheNormal() {
        double[] z = draws(11, DRAWS);
        NormalDistribution normal = new NormalDistribution(0, 1);
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        double p = ks.kolmogorovSmirnovTest(normal, z);
        assertTrue(p > 1e-3, "KS p-value " + p + ", D = " + ks.kolmogorovSmirnovStatistic(normal, z));
        // The same test on the uniform scale of the tail: Φ(-|x|)/Φ(-3) for the draws with |x| > 3
        // is uniform on (0, 1) if the tail is the normal's (KS on the whole sample barely sees it).
        double tail = normal.cumulativeProbability(-3);
        double[] u = java.util.Arrays.stream(z).filter(x -> Math.abs(x) > 3)
                .map(x -> normal.cumulativeProbability(-Math.abs(x)) / tail).toArray();
        assertTrue(u.length > 4000, "tail draws " + u.length);
        double pTail = ks.kolmogorovSmirnovTest(new org.apache.commons.math3.distribution.UniformRealDistribution(0, 1), u);
        assertTrue(pTail > 1e-3, "KS p-value of the tail beyond 3: " + pTail + " over " + u.length + " draws");
    }

    @Test
    void sameSeedSameDraws() {
        assertTrue(java.util.Arrays.equals(draws(5, 10_000), draws(5, 10_000)));
        ModelRandom a = new ModelRandom(5);
        a.nextGaussian();
        a.setSeed(6);
        ModelRandom b = new ModelRandom(6);
        for (int k = 0; k < 1000; k++) {
            assertEquals(b.nextGaussian(), a.nextGaussian(), 0.0);
        }
    }

    /** A checkpoint (Java serialization) restores a generator that goes on with the same draws. */
    @Test
    void aCheckpointGoesOnWithTheSameDraws() throws Exception {
        ModelRandom r = new ModelRandom(5);
        for (int k = 0; k < 1001; k++) {
            r.nextGaussian();
        }
        r.nextInt(); // mid-way between two 64-bit draws
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(r);
        }
        ModelRandom copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (ModelRandom) in.readObject();
        }
        assertTrue(copy.stateEquals(r));
        for (int k = 0; k < 10_000; k++) {
            assertEquals(r.nextGaussian(), copy.nextGaussian(), 0.0);
            assertEquals(r.nextDouble(), copy.nextDouble(), 0.0);
        }
    }

    /** A clone draws its Gaussians from its own state, not the original's. */
    @Test
    void aCloneDrawsFromItself() {
        ModelRandom r = new ModelRandom(8);
        r.nextGaussian();
        ModelRandom copy = (ModelRandom) r.clone();
        assertNotSame(r, copy);
        double[] fromCopy = new double[1000];
        for (int k = 0; k < fromCopy.length; k++) {
            fromCopy[k] = copy.nextGaussian();
        }
        assertTrue(!copy.stateEquals(r), "the clone advanced alone");
        for (double g : fromCopy) {
            assertEquals(g, r.nextGaussian(), 0.0);
        }
        assertTrue(copy.stateEquals(r));
    }

    @Test
    void theModelDrawsFromIt() throws Exception {
        Scenario s = org.crackdown.scenario.ScenarioLoader.load(
                java.nio.file.Path.of("..", "scenarios", "china-2011.yaml"), java.util.List.of("scale=0.01"));
        TraffickingModel m = new TraffickingModel(s, 9);
        assertTrue(m.random instanceof ModelRandom);
        m.setSeed(10);
        assertTrue(m.random instanceof ModelRandom);
    }
}
