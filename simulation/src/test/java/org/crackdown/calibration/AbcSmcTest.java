package org.crackdown.calibration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sampler on a problem whose posterior is known: the mean mu of a normal with known SD 1,
 * observed through the mean of n = 4 draws (observed 1.0), with a normal(0, 1) prior. The exact
 * posterior is normal with mean 0.8 and SD 1/sqrt(5). At a tolerance h on |simulated mean - 1|
 * ABC targets prior(mu) * P(|mean - 1| <= h | mu), computed here on a grid; the particles must
 * match it within Monte Carlo error from their effective sample size, and the final tolerance
 * must be small enough that this target is close to the exact posterior. Both samplers
 * ({@link AbcSettings.Sampler}) are held to the same checks.
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

    static AbcSmc.Outcome run(AbcSettings.Sampler sampler, int particles, int generations, int threads, long seed) {
        AbcSettings s = new AbcSettings(particles, generations, 0.5, 0.001, seed).withSampler(sampler);
        return new AbcSmc(s, List.of(MU), List.of(PRIOR), AbcSmcTest::toy, threads).run(AbcSmc.Listener.NONE);
    }

    /**
     * Generations to a final tolerance narrow enough for the 2% check below: population Monte
     * Carlo halves the tolerance's quantile each time; replenishment, which keeps half the
     * particles as they are, narrows it more slowly.
     */
    static int generations(AbcSettings.Sampler sampler) {
        return sampler == AbcSettings.Sampler.PMC ? 7 : 10;
    }

    @ParameterizedTest
    @EnumSource(AbcSettings.Sampler.class)
    @Tag("slow")
    void recoversTheKnownPosteriorOfANormalMean(AbcSettings.Sampler sampler) {
        AbcSmc.Outcome o = run(sampler, 600, generations(sampler), 2, 7);
        AbcSmc.Generation g = o.posterior();
        assertEquals(generations(sampler), g.number(), o.stopReason());
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
        // Monte Carlo error of a weighted mean and SD with this ESS, four standard errors. (For
        // replenishment the ESS counts distinct particles; moved copies are still correlated with
        // their origin, which the margin of four standard errors has to absorb.)
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

    @ParameterizedTest
    @EnumSource(AbcSettings.Sampler.class)
    void theSameSeedGivesTheSameParticlesWhateverTheThreadCount(AbcSettings.Sampler sampler) {
        AbcSmc.Outcome one = run(sampler, 60, 3, 1, 3);
        AbcSmc.Outcome three = run(sampler, 60, 3, 3, 3);
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
        AbcSmc.Outcome other = run(sampler, 60, 3, 1, 4);
        assertTrue(other.posterior().particles().get(0).values()[0] != one.posterior().particles().get(0).values()[0]);
    }

    @ParameterizedTest
    @EnumSource(AbcSettings.Sampler.class)
    void aUniformPriorOnALogScaleWeighsByThePriorNotTheKernelScale(AbcSettings.Sampler sampler) {
        // No data signal (the target does not depend on the parameter): the posterior is the prior.
        FreeParameter f = new FreeParameter("k", 1, 100, true);
        Prior flat = new Prior(Prior.Kind.UNIFORM, 1, 100, 1, 100, "test", true);
        AbcSmc.Simulator noSignal = (i, v, seed) -> {
            double x = new Well19937c(seed).nextGaussian();
            TargetResult r = TargetResult.of(Target.point("x", 1, 1, "toy"), new double[] {1 + x});
            return new Evaluation(i, v, List.of(r), r.loss());
        };
        AbcSmc.Outcome o = new AbcSmc(new AbcSettings(800, 2, 0.5, 0.001, 5).withSampler(sampler), List.of(f), List.of(flat),
                noSignal, 2)
                .run(AbcSmc.Listener.NONE);
        AbcSmc.Generation g = o.posterior();
        double m = 0;
        for (AbcSmc.Particle p : g.particles()) {
            m += p.weight() * p.values()[0];
        }
        // Uniform(1, 100): mean 50.5, SD 28.6; a log-uniform result would have mean 21.5.
        assertEquals(50.5, m, 4 * 28.6 / Math.sqrt(g.ess()), "ESS " + g.ess());
    }

    /** Copies of one parameter vector count once in the ESS, their weights summed. */
    @Test
    void theEffectiveSampleSizeCountsCopiesOnce() {
        AbcSmc.Particle a = new AbcSmc.Particle(new double[] {1, 2}, 0.25, null, 1);
        AbcSmc.Particle b = new AbcSmc.Particle(new double[] {3, 4}, 0.25, null, 2);
        AbcSmc.Particle aAgain = new AbcSmc.Particle(new double[] {1, 2}, 0.5, null, 3);
        AbcSmc.Particle c = new AbcSmc.Particle(new double[] {5, 6}, 0.5, null, 4);
        assertEquals(1 / (0.25 * 0.25 + 0.25 * 0.25 + 0.5 * 0.5), AbcSmc.distinctEss(List.of(a, b, c)), 1e-12);
        // a and its copy weigh 0.75 together: 1 / (0.75² + 0.25²) = 1.6, not 1 / (0.25² + 0.25² + 0.5²) = 2.67.
        assertEquals(1.6, AbcSmc.distinctEss(List.of(a, b, aAgain)), 1e-12);
    }

    /**
     * In twelve dimensions (each observed figure mixes two parameters, as the model's targets
     * do), replenishment's number of MCMC steps keeps the refilled copies moving: a copy still at
     * the point it was copied from is one whose R steps were all refused. R is set so that this
     * happens to at most 1% of copies at the last generation's step acceptance; as acceptance
     * falls from one generation to the next the real share is higher (about a tenth here), but with
     * a fixed single step it would be the refusal rate itself (a quarter to two thirds of the steps simulated here).
     */
    @Test
    void replenishedCopiesMoveInTwelveDimensions() {
        int d = 12;
        List<FreeParameter> free = new java.util.ArrayList<>();
        List<Prior> priors = new java.util.ArrayList<>();
        for (int a = 0; a < d; a++) {
            free.add(new FreeParameter("p" + a, -3, 3, false));
            priors.add(new Prior(Prior.Kind.UNIFORM, -3, 3, -3, 3, "test", true));
        }
        AbcSmc.Simulator mixed = (index, v, seed) -> {
            Well19937c rng = new Well19937c(seed);
            List<TargetResult> rs = new java.util.ArrayList<>();
            double loss = 0;
            for (int a = 0; a < d; a++) {
                double x = v[a] + 0.6 * v[(a + 1) % d] + 0.3 * rng.nextGaussian();
                TargetResult r = TargetResult.of(Target.point("x" + a, 1.0, 0.3, "toy"), new double[] {x});
                rs.add(r);
                loss += r.loss();
            }
            return new Evaluation(index, v, rs, loss);
        };
        AbcSettings s = new AbcSettings(60, 6, 0.5, 0.005, 1).withSampler(AbcSettings.Sampler.REPLENISHMENT);
        AbcSmc.Outcome o = new AbcSmc(s, free, priors, mixed, 2).run(AbcSmc.Listener.NONE);
        assertEquals(6, o.posterior().number(), o.stopReason());
        int refilled = 0;
        int stuck = 0;
        for (int t = 1; t < o.generations().size(); t++) {
            List<AbcSmc.Particle> before = o.generations().get(t - 1).particles();
            List<AbcSmc.Particle> now = o.generations().get(t).particles();
            for (AbcSmc.Particle p : now.subList(30, 60)) { // the kept 30 come first, the refilled after
                refilled++;
                if (before.stream().anyMatch(q -> java.util.Arrays.equals(q.values(), p.values()))) {
                    stuck++;
                }
            }
            assertTrue(o.generations().get(t).tolerance() < o.generations().get(t - 1).tolerance());
        }
        // Seeds 1-3 gave 17, 22 and 22 of 180 (9-12%).
        assertTrue(stuck < 0.25 * refilled, stuck + " of " + refilled + " copies never moved");
        assertTrue(o.posterior().ess() > 45, "distinct ESS " + o.posterior().ess() + " of 60");
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
