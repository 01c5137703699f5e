package org.crackdown.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

class SensitivityTest {

    private static double[][] column(double... v) {
        double[][] x = new double[v.length][1];
        for (int i = 0; i < v.length; i++) {
            x[i][0] = v[i];
        }
        return x;
    }

    @Test
    void tiesGetTheirAverageRank() {
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, Ranks.of(new double[] {10, 20, 20, 30}), 0);
    }

    /**
     * With one input PRCC is Spearman's rho. Wikipedia's worked example ("Spearman's rank
     * correlation coefficient": IQ against hours of TV per week) has sum of squared rank
     * differences 194, so rho = 1 - 6 x 194 / (10 x 99) = -29/165 = -0.1757576.
     */
    @Test
    void prccWithOneInputIsSpearmansRho() {
        double[] iq = {106, 86, 100, 101, 99, 103, 97, 113, 112, 110};
        double[] tv = {7, 0, 27, 50, 28, 29, 20, 12, 6, 17};
        Sensitivity.Result r = Sensitivity.compute(column(iq), tv);
        double rho = -29.0 / 165.0;
        assertEquals(rho, r.coefficients().get(0).prcc(), 1e-12);
        // p of the t approximation: t = rho sqrt(8 / (1 - rho^2)) on 8 df.
        double t = rho * Math.sqrt(8 / (1 - rho * rho));
        assertEquals(2 * new TDistribution(8).cumulativeProbability(-Math.abs(t)), r.coefficients().get(0).prccP(), 1e-12);
    }

    /**
     * Two inputs, six points, all without ties so ranks are the values. Spearman's rho by
     * 1 - 6 sum d^2 / (n(n^2 - 1)) with n(n^2 - 1) = 210: r12 = 1 - 36/210 = 29/35,
     * r1y = 1 - 24/210 = 31/35, r2y = 1 - 108/210 = 17/35. The partial correlation
     * (r1y - r12 r2y) / sqrt((1 - r12^2)(1 - r2y^2)), multiplied through by 35^2, is
     * (31x35 - 29x17) / sqrt((1225 - 841)(1225 - 289)) = 592 / sqrt(384 x 936) = 0.987457;
     * likewise for input 2: (17x35 - 29x31) / sqrt((1225 - 841)(1225 - 961)) = -304 / sqrt(384 x 264).
     */
    @Test
    void prccEqualsThePartialRankCorrelationFormula() {
        double[][] x = {{1, 2}, {2, 1}, {3, 4}, {4, 3}, {5, 6}, {6, 5}};
        double[] y = {1, 3, 2, 5, 4, 6};
        Sensitivity.Result r = Sensitivity.compute(x, y);
        assertEquals(592 / Math.sqrt(384.0 * 936), r.coefficients().get(0).prcc(), 1e-12);
        assertEquals(-304 / Math.sqrt(384.0 * 264), r.coefficients().get(1).prcc(), 1e-12);
    }

    /**
     * y = 2 x1 - 3 x2 exactly, x1 and x2 orthogonal with SD 1: SRC_j = b_j s(x_j) / s(y) with
     * s(y) = sqrt(52/4) = sqrt 13, so SRC = 2/sqrt 13 = 0.5547 and -3/sqrt 13 = -0.8321; R^2 = 1,
     * and the squared SRCs (4/13 + 9/13) add up to it.
     */
    @Test
    void srcOfAnExactLinearModel() {
        double[][] x = {{-1, -1}, {1, -1}, {-1, 1}, {1, 1}, {0, 0}};
        double[] y = {1, 5, -5, -1, 0};
        Sensitivity.Result r = Sensitivity.compute(x, y);
        assertEquals(2 / Math.sqrt(13), r.coefficients().get(0).src(), 1e-12);
        assertEquals(-3 / Math.sqrt(13), r.coefficients().get(1).src(), 1e-12);
        assertEquals(1.0, r.rSquared(), 1e-12);
    }

    /**
     * One input: SRC is Pearson's r and R^2 = r^2. x = 1..5, y = (2, 4, 5, 4, 5): Sxy = 6,
     * Sxx = 10, Syy = 6, r = 6 / sqrt 60 = 0.774597, R^2 = 36/60 = 0.6.
     */
    @Test
    void srcWithOneInputIsPearsonsR() {
        Sensitivity.Result r = Sensitivity.compute(column(1, 2, 3, 4, 5), new double[] {2, 4, 5, 4, 5});
        assertEquals(6 / Math.sqrt(60), r.coefficients().get(0).src(), 1e-12);
        assertEquals(0.6, r.rSquared(), 1e-12);
    }

    @Test
    void constantInputsHaveNoCoefficientAndTooFewPointsAreRefused() {
        double[][] x = {{1, 7}, {2, 7}, {3, 7}, {4, 7}, {5, 7}};
        Sensitivity.Result r = Sensitivity.compute(x, new double[] {1, 3, 2, 5, 4});
        assertTrue(Double.isNaN(r.coefficients().get(1).prcc()));
        assertTrue(Double.isNaN(r.coefficients().get(1).src()));
        assertEquals(0.8, r.coefficients().get(0).prcc(), 1e-12); // 1 - 6 x 4 / 120
        assertThrows(IllegalArgumentException.class, () -> Sensitivity.compute(column(1, 2, 3), new double[] {1, 2, 3}));
    }
}
