package org.crackdown.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The sampler on a problem whose posterior is known: the mean mu of a normal with known SD 1,
 * observed through the mean of n = 4 draws (observed 1.0), with a normal(0, 1) prior. The exact
 * posterior is normal with mean 0.8 and SD 1/sqrt(5). At a tolerance h on |simulated mean - 1|
 * ABC targets prior(mu) * P(|mean - 1| <= h | mu), computed here on a grid; the particles must
 * match it within Monte Carlo error from their effective sample size, and the final tolerance
 * must be small enough that this target is close to the exact posterior.
 */
class AbcSmcTest {

    static final double OBSERVED = 1.0;
    static final double TOLERANCE = 0.1;
    static final int N_DRAWS = 4;
    static final FreeParameter MU = new FreeParameter("mu", -10, 10, false);
    static final Prior PRIOR = new Prior(Prior.Kind.NORMAL, 0, 1, -10, 10, "test: standard normal", true);
    static final Target TARGET = Target.point("x", OBSERVED, TOLERANCE, "toy");

    /** The toy simulator: the loss of the mean of four N(mu, 1) draws, seeded by the model seed. */
    static Evaluation toy(int index, double[] v, long seed) {
        Well19937c rng = new Well19937c(seed);
        double sum = 0;
        for (int k = 0; k < N_DRAWS; k++) {
            sum += v[0] + rng.nextGaussian();
        }
        TargetResult r = TargetResult.of(TARGET, new double[] {sum / N_DRAWS});
        return new Evaluation(index, v, List.of(r), r.loss());
    }

    static AbcSmc.Outcome run(int particles, int generations, int threads, long seed) {
        AbcSettings s = new AbcSettings(particles, generations, 0.5, 0.001, seed);
        return new AbcSmc(s, List.of(MU), List.of(PRIOR), AbcSmcTest::toy, threads).run(AbcSmc.Listener.NONE);
    }

    @Test
    @Tag("slow")
    void recoversTheKnownPosteriorOfANormalMean() {
        AbcSmc.Outcome o = run(600, 7, 2, 7);
        AbcSmc.Generation g = o.posterior();
        assertEquals(7, g.number(), o.stopReason());
        double h = TOLERANCE * Math.sqrt(g.tolerance()); // loss <= eps  <=>  |mean - 1| <= h
        double m = 0;
        for (AbcSmc.Particle p : g.particles()) {
            m += p.weight() * p.values()[0];
        }
        double v = 0;
        for (AbcSmc.Particle p : g.particles()) {
            v += p.weight() * (p.values()[0] - m) * (p.values()[0] - m);
        }
        double sd = Math.sqrt(v);

        // The ABC target at the final tolerance, on a grid.
        NormalDistribution dataNoise = new NormalDistribution(null, 0, 1 / Math.sqrt(N_DRAWS));
        double z = 0;
        double zm = 0;
        double zm2 = 0;
        for (double mu = -5; mu <= 5; mu += 1e-4) {
            double d = Math.exp(-0.5 * mu * mu)
                    * (dataNoise.cumulativeProbability(OBSERVED + h - mu) - dataNoise.cumulativeProbability(OBSERVED - h - mu));
            z += d;
            zm += d * mu;
            zm2 += d * mu * mu;
        }
        double targetMean = zm / z;
        double targetSd = Math.sqrt(zm2 / z - targetMean * targetMean);
        // Monte Carlo error of a weighted mean and SD with this ESS, four standard errors.
        double ess = g.ess();
        assertTrue(ess > 200, "ESS " + ess);
        assertEquals(targetMean, m, 4 * targetSd / Math.sqrt(ess), "posterior mean");
        assertEquals(targetSd, sd, 4 * targetSd / Math.sqrt(2 * ess), "posterior SD");
        // The final tolerance is narrow against the data noise (SD 0.5), so the ABC target is
        // within 2% of the exact posterior's mean and SD.
        double exactMean = 0.8;
        double exactSd = 1 / Math.sqrt(5);
        assertEquals(exactMean, targetMean, 0.02 * exactSd, "ABC target mean vs exact, h = " + h);
        assertEquals(exactSd, targetSd, 0.02 * exactSd, "ABC target SD vs exact, h = " + h);
        // Tolerances shrink and the prior generation accepted everything.
        for (int t = 1; t < o.generations().size(); t++) {
            assertTrue(o.generations().get(t).tolerance() < o.generations().get(t - 1).tolerance());
        }
        assertEquals(1.0, o.generations().get(0).acceptanceRate());

        // Posterior predictive of a new four-draw mean: normal(0.8, 1/5 + 1/4) for the exact
        // posterior. Quantile standard errors from 600 draws: about 0.035 for the median and
        // 0.075 for the 2.5% and 97.5% quantiles; four of them, plus the ABC target's 2% offset.
        List<PredictiveCheck.Row> rows = PredictiveCheck.run(g, AbcSmcTest::toy, 600, 7, 2);
        PredictiveCheck.Row r = rows.get(0);
        double predSd = Math.sqrt(0.2 + 0.25);
        assertEquals(0.8, r.median(), 4 * 0.035 + 0.02 * exactSd);
        assertEquals(0.8 - 1.96 * predSd, r.low(), 4 * 0.075 + 0.02 * exactSd);
        assertEquals(0.8 + 1.96 * predSd, r.high(), 4 * 0.075 + 0.02 * exactSd);
        assertTrue(r.covers(), "the observed 1.0 lies in the predictive 95% interval");
    }

    @Test
    void theSameSeedGivesTheSameParticlesWhateverTheThreadCount() {
        AbcSmc.Outcome one = run(60, 3, 1, 3);
        AbcSmc.Outcome three = run(60, 3, 3, 3);
        assertEquals(one.generations().size(), three.generations().size());
        for (int t = 0; t < one.generations().size(); t++) {
            AbcSmc.Generation a = one.generations().get(t);
            AbcSmc.Generation b = three.generations().get(t);
            assertEquals(a.tolerance(), b.tolerance());
            assertEquals(a.simulations(), b.simulations());
            for (int i = 0; i < a.particles().size(); i++) {
                assertArrayEquals(a.particles().get(i).values(), b.particles().get(i).values());
                assertEquals(a.particles().get(i).weight(), b.particles().get(i).weight());
                assertEquals(a.particles().get(i).modelSeed(), b.particles().get(i).modelSeed());
            }
        }
        // And another seed gives other particles (the seed is used at all).
        AbcSmc.Outcome other = run(60, 3, 1, 4);
        assertTrue(other.posterior().particles().get(0).values()[0] != one.posterior().particles().get(0).values()[0]);
    }

    @Test
    void aUniformPriorOnALogScaleWeighsByThePriorNotTheKernelScale() {
        // No data signal (the target does not depend on the parameter): the posterior is the prior.
        FreeParameter f = new FreeParameter("k", 1, 100, true);
        Prior flat = new Prior(Prior.Kind.UNIFORM, 1, 100, 1, 100, "test", true);
        AbcSmc.Simulator noSignal = (i, v, seed) -> {
            double x = new Well19937c(seed).nextGaussian();
            TargetResult r = TargetResult.of(Target.point("x", 1, 1, "toy"), new double[] {1 + x});
            return new Evaluation(i, v, List.of(r), r.loss());
        };
        AbcSmc.Outcome o = new AbcSmc(new AbcSettings(800, 2, 0.5, 0.001, 5), List.of(f), List.of(flat), noSignal, 2)
                .run(AbcSmc.Listener.NONE);
        AbcSmc.Generation g = o.posterior();
        double m = 0;
        for (AbcSmc.Particle p : g.particles()) {
            m += p.weight() * p.values()[0];
        }
        // Uniform(1, 100): mean 50.5, SD 28.6; a log-uniform result would have mean 21.5.
        assertEquals(50.5, m, 4 * 28.6 / Math.sqrt(g.ess()), "ESS " + g.ess());
    }

    @Test
    void weightedQuantilesFollowTheWeightsNotTheCount() {
        double[] x = {4, 1, 3, 2};
        double[] w = {0.7, 0.1, 0.1, 0.1};
        assertEquals(1, PosteriorWriter.weightedQuantile(x, w, 0.05));
        assertEquals(3, PosteriorWriter.weightedQuantile(x, w, 0.25));
        assertEquals(4, PosteriorWriter.weightedQuantile(x, w, 0.5));
        assertEquals(4, PosteriorWriter.weightedQuantile(x, w, 0.95));
    }
}
