package org.crackdown.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The split into between-draw and within-draw variance, on data made with known components:
 * y_dr = mu + a_d + e_dr, a_d ~ N(0, sb^2), e_dr ~ N(0, sw^2).
 */
class VarianceComponentsTest {

    static List<double[]> synthetic(Random rnd, int draws, int replicates, double mu, double sb, double sw) {
        List<double[]> out = new ArrayList<>();
        for (int d = 0; d < draws; d++) {
            double a = sb * rnd.nextGaussian();
            double[] v = new double[replicates];
            for (int r = 0; r < replicates; r++) {
                v[r] = mu + a + sw * rnd.nextGaussian();
            }
            out.add(v);
        }
        return out;
    }

    @Test
    void recoversKnownComponentsWithinTheirSamplingError() {
        // 400 draws x 5 replicates, sb = 2, sw = 3. Standard errors of the estimates (normal theory):
        // var(sw^2 hat) = 2 sw^4 / (N - D) -> sd(sw hat) ~ sw / sqrt(2 (N - D)) = 0.075;
        // var(sb^2 hat) ~ 2 (sb^2 + sw^2/R)^2 / (D - 1) -> sd(sb hat) ~ 0.19. Tolerance: 4 standard errors.
        for (long seed = 1; seed <= 3; seed++) {
            VarianceComponents v = VarianceComponents.of(synthetic(new Random(seed), 400, 5, 10, 2, 3));
            assertEquals(3, v.sdWithin(), 4 * 0.075, "seed " + seed);
            assertEquals(2, v.sdBetween(), 4 * 0.19, "seed " + seed);
            // sd of the mean: sqrt((sb^2 + sw^2/R) / D) = 0.12
            assertEquals(10, v.mean(), 4 * 0.12, "seed " + seed);
            assertEquals(400, v.draws());
            assertEquals(2000, v.values());
        }
    }

    @Test
    void noParameterEffectGivesABetweenSdNearZeroAndOnlyRunNoiseGivesTheOtherWayRound() {
        VarianceComponents noParams = VarianceComponents.of(synthetic(new Random(7), 300, 4, 0, 0, 2));
        assertTrue(noParams.sdBetween() < 0.35, "sd between " + noParams.sdBetween());
        assertTrue(noParams.shareBetween() < 0.05, "share " + noParams.shareBetween());
        VarianceComponents noNoise = VarianceComponents.of(synthetic(new Random(8), 300, 4, 0, 2, 0));
        assertEquals(0, noNoise.sdWithin(), 1e-12);
        assertEquals(1, noNoise.shareBetween(), 1e-12);
    }

    @Test
    void theConfidenceIntervalOfTheMeanCoversAtItsLevel() {
        // 400 repetitions of 20 draws x 3 replicates: coverage of a 95% interval is 0.95 with
        // binomial sd 0.011; accept 0.95 +- 0.035.
        Random rnd = new Random(11);
        int covered = 0;
        for (int i = 0; i < 400; i++) {
            VarianceComponents v = VarianceComponents.of(synthetic(rnd, 20, 3, 5, 1.5, 2));
            if (v.ci().contains(5)) {
                covered++;
            }
        }
        assertEquals(0.95, covered / 400.0, 0.035);
    }

    @Test
    void unequalReplicatesAndMissingValuesAreAllowed() {
        List<double[]> data = List.of(new double[] {1, 3}, new double[] {5, Double.NaN, 7}, new double[] {Double.NaN});
        VarianceComponents v = VarianceComponents.of(data);
        assertEquals(2, v.draws());
        assertEquals(4, v.values());
        assertEquals(4, v.mean(), 1e-12); // draw means 2 and 6
        // within: ((1-2)^2 + (3-2)^2 + (5-6)^2 + (7-6)^2) / (4 - 2) = 2
        assertEquals(Math.sqrt(2), v.sdWithin(), 1e-12);
        // between: S^2 = 8, minus 2 * mean(1/2, 1/2) = 1 -> 7
        assertEquals(Math.sqrt(7), v.sdBetween(), 1e-12);
        assertTrue(Double.isNaN(v.drawMeans()[2]));
        // One replicate per draw: the two sources cannot be told apart.
        VarianceComponents single = VarianceComponents.of(List.of(new double[] {1}, new double[] {2}));
        assertTrue(Double.isNaN(single.sdBetween()) && Double.isNaN(single.sdWithin()));
        assertEquals(1.5, single.mean(), 1e-12);
    }
}
