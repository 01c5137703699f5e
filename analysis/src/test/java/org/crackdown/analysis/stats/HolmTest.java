package org.crackdown.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HolmTest {

    /**
     * Holm (1979), by hand: sorted p 0.005, 0.01, 0.03, 0.04 are multiplied by m - i + 1 =
     * 4, 3, 2, 1 giving 0.02, 0.03, 0.06, 0.04, then made non-decreasing: 0.02, 0.03, 0.06, 0.06.
     * (R: {@code p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm")} = 0.03 0.06 0.06 0.02.)
     */
    @Test
    void stepDownAdjustment() {
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005}),
                1e-12);
    }

    @Test
    void adjustedPValuesNeverDecreaseAlongTheOrder() {
        // 0.01 x 3 = 0.03; 0.011 x 2 = 0.022 is raised to 0.03; 0.5 x 1 = 0.5.
        assertArrayEquals(new double[] {0.03, 0.03, 0.5}, Holm.adjust(new double[] {0.01, 0.011, 0.5}), 1e-12);
    }

    @Test
    void cappedAtOneAndUntestableComparisonsDoNotCount() {
        assertArrayEquals(new double[] {1, 1}, Holm.adjust(new double[] {0.6, 0.7}), 0);
        double[] a = Holm.adjust(new double[] {Double.NaN, 0.02, 0.04});
        assertTrue(Double.isNaN(a[0]));
        // m = 2: 0.02 x 2 = 0.04, 0.04 x 1 = 0.04.
        assertArrayEquals(new double[] {0.04, 0.04}, new double[] {a[1], a[2]}, 1e-12);
    }
}
