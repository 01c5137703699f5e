package org.crackdown.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SeedPolicyTest {

    @Test
    void commonRandomNumbersGiveReplicateRTheSameSeedEverywhere() {
        for (int point = 0; point < 5; point++) {
            for (String strategy : new String[] {"baseline", "double-police"}) {
                assertEquals(1, SeedPolicy.COMMON.seed(1, point, strategy, 1));
                assertEquals(10, SeedPolicy.COMMON.seed(1, point, strategy, 10));
                assertEquals(107, SeedPolicy.COMMON.seed(100, point, strategy, 8));
            }
        }
    }

    @Test
    void independentSeedsDifferForEveryRunAndAreReproducible() {
        Set<Long> seen = new HashSet<>();
        for (int point = 0; point < 20; point++) {
            for (String strategy : new String[] {"baseline", "double-police", "dna"}) {
                for (int r = 1; r <= 10; r++) {
                    long s = SeedPolicy.INDEPENDENT.seed(1, point, strategy, r);
                    assertTrue(s >= 0, "non-negative");
                    assertTrue(seen.add(s), "seed " + s + " used twice");
                    assertEquals(s, SeedPolicy.INDEPENDENT.seed(1, point, strategy, r), "reproducible");
                }
            }
        }
        assertTrue(SeedPolicy.INDEPENDENT.seed(1, 0, "a", 1) != SeedPolicy.INDEPENDENT.seed(2, 0, "a", 1),
                "the base changes every seed");
    }

    @Test
    void pairedSeedsAreSharedByTheStrategiesAndDifferBetweenPointsAndReplicates() {
        Set<Long> seen = new HashSet<>();
        for (int point = 0; point < 20; point++) {
            for (int r = 1; r <= 10; r++) {
                long s = SeedPolicy.PAIRED.seed(1, point, "baseline", r);
                assertTrue(s >= 0, "non-negative");
                assertEquals(s, SeedPolicy.PAIRED.seed(1, point, "double-police", r), "common to the strategies");
                assertTrue(seen.add(s), "seed " + s + " used at two (point, replicate) pairs");
            }
        }
        assertTrue(SeedPolicy.PAIRED.seed(1, 0, "a", 1) != SeedPolicy.PAIRED.seed(2, 0, "a", 1),
                "the base changes every seed");
    }
}
