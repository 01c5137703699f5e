package org.crackdown.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SampleTest {

    /**
     * Student's sleep data (Cushny & Peebles 1905; R's {@code sleep}, group 1, extra hours of
     * sleep). R: {@code t.test(sleep$extra[1:10])} gives mean 0.75 and 95% CI -0.5297804 to
     * 2.0297804. By hand: sum of squared deviations from 0.75 is 28.805, s = sqrt(28.805/9) =
     * 1.789010, se = s/sqrt(10) = 0.565738; t(0.975, 9) = 2.262157 (t table), half-width
     * 2.262157 x 0.565738 = 1.279780.
     */
    @Test
    void tIntervalOfStudentsSleepData() {
        Sample s = Sample.of(new double[] {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0});
        assertEquals(10, s.n());
        assertEquals(0.75, s.mean(), 1e-12);
        assertEquals(1.789010, s.sd(), 1e-6);
        assertEquals(-0.5297804, s.ci().low(), 1e-6);
        assertEquals(2.0297804, s.ci().high(), 1e-6);
    }

    @Test
    void quantileMatchesTheTTable() {
        // Two-sided 95% critical values from any t table: df 1 -> 12.706, 9 -> 2.262, 30 -> 2.042.
        assertEquals(12.706, Sample.tQuantile(1), 1e-3);
        assertEquals(2.262, Sample.tQuantile(9), 1e-3);
        assertEquals(2.042, Sample.tQuantile(30), 1e-3);
    }

    @Test
    void missingValuesAreLeftOutAndTinySamplesHaveNoInterval() {
        Sample s = Sample.of(new double[] {1, Double.NaN, 3});
        assertEquals(2, s.n());
        assertEquals(2, s.mean(), 0);
        Sample one = Sample.of(new double[] {5});
        assertEquals(1, one.n());
        assertEquals(5, one.mean(), 0);
        assertTrue(Double.isNaN(one.sd()) && Double.isNaN(one.ci().low()));
        assertEquals(0, Sample.of(new double[0]).n());
    }
}
