package org.crackdown.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PairedComparisonTest {

    static final double[] GROUP1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
    static final double[] GROUP2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};

    /**
     * Student's sleep data, paired by patient. R's documented example
     * {@code t.test(extra ~ group, data = sleep, paired = TRUE)} prints t = -4.0621, df = 9,
     * p-value = 0.002833, 95% CI -2.4598858 to -0.7001142, mean difference -1.58 (group 1 minus
     * group 2). By hand: d = (-1.2, -2.4, -1.3, -1.3, 0, -1, -1.8, -0.8, -4.6, -1.4), sum of
     * squared deviations 13.616, s_d = sqrt(13.616/9) = 1.229995, se = 0.388957,
     * t = -1.58/0.388957 = -4.0621, half-width 2.262157 x 0.388957 = 0.879886.
     */
    @Test
    void pairedTTestOfStudentsSleepData() {
        PairedComparison c = PairedComparison.of(GROUP2, GROUP1);
        assertEquals(10, c.n());
        assertEquals(-1.58, c.difference().mean(), 1e-12);
        assertEquals(1.229995, c.difference().sd(), 1e-6);
        assertEquals(-2.4598858, c.difference().ci().low(), 1e-6);
        assertEquals(-0.7001142, c.difference().ci().high(), 1e-6);
        assertEquals(-4.0621, c.t(), 1e-4);
        assertEquals(0.002833, c.p(), 1e-6);
        assertEquals(2.33, c.baselineMean(), 1e-12);
        assertEquals(0.75, c.strategyMean(), 1e-12);
        assertEquals(-1.58 / 2.33, c.relative(), 1e-12);
    }

    @Test
    void pairsWithAMissingSideAreDropped() {
        double[] b = {1, 2, Double.NaN, 4};
        double[] s = {2, 4, 7, Double.NaN};
        PairedComparison c = PairedComparison.of(b, s);
        assertEquals(2, c.n());
        // d = (1, 2): mean 1.5, s_d = 0.7071068, t = 1.5 / (0.7071068/sqrt 2) = 3.
        assertEquals(1.5, c.difference().mean(), 1e-12);
        assertEquals(3.0, c.t(), 1e-9);
    }

    @Test
    void identicalRunsShowNoDifferenceAndAConstantShiftIsCertain() {
        double[] b = {3, 5, 8};
        assertEquals(1.0, PairedComparison.of(b, b).p(), 0);
        assertEquals(0.0, PairedComparison.of(b, new double[] {4, 6, 9}).p(), 0);
    }
}
