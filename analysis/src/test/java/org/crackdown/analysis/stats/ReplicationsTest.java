package org.crackdown.analysis.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReplicationsTest {

    /**
     * s = 10, wanted half-width 5. With t(0.975, 16) = 2.119905 and t(0.975, 17) = 2.109816 (t
     * table): n = 17 gives 2.119905 x 10 / sqrt 17 = 5.1416 > 5, n = 18 gives
     * 2.109816 x 10 / sqrt 18 = 4.9729 <= 5. So 18.
     */
    @Test
    void smallestReplicationCountReachingThePrecision() {
        assertEquals(18, Replications.needed(10, 5), 0);
    }

    @Test
    void largeCountsFollowTheNormalApproximation() {
        // z = 1.959964: (1.959964 x 100 / 1)^2 = 38,414.6; t adds a few replications at most.
        double n = Replications.needed(100, 1);
        assertTrue(n >= 38415 && n <= 38420, "got " + n);
    }

    @Test
    void edgeCases() {
        assertEquals(2, Replications.needed(0, 1), 0);
        assertTrue(Double.isNaN(Replications.needed(3, 0)));
        assertTrue(Double.isNaN(Replications.needed(Double.NaN, 1)));
        assertEquals(Replications.MAX, Replications.needed(1e9, 1), 0);
    }
}
