package org.crackdown.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Changing one cause must move its effects the right way, beyond the noise between seeds: each
 * comparison uses replicated runs and requires a Welch t statistic above 3 (a difference of more
 * than three standard errors), so a pass is not luck and a real effect of the size seen here is
 * not lost to noise.
 */
class MetamorphicTest {

    private static final int REPS = 6;
    private static final double SCALE = 0.02;

    @Test
    void higherSexRatioRaisesBrideTrafficking() {
        Replicates base = Replicates.of(TestScenarios.china2011(SCALE, p -> { }), REPS, s -> s.get("women_acquired"));
        Replicates skewed = Replicates.of(TestScenarios.china2011(SCALE, p -> p.setSrbShift(15)), REPS,
                s -> s.get("women_acquired"));
        assertTrue(skewed.tAgainst(base) > 3, "women acquired: base " + base + ", SRB +15 " + skewed);
    }

    @Test
    void doublePoliceRaisesRescuesWithDiminishingReturns() {
        Replicates base = Replicates.of(TestScenarios.china2011(SCALE, p -> { }), REPS,
                s -> s.get("women_rescued") + s.get("children_rescued"));
        Replicates doubled = Replicates.of(TestScenarios.china2011(SCALE, p -> p.setBudget(2)), REPS,
                s -> s.get("women_rescued") + s.get("children_rescued"));
        assertTrue(doubled.tAgainst(base) > 3, "rescues: base " + base + ", doubled " + doubled);
        // Less than double: the upper end of the doubled run's interval stays below twice the base.
        assertTrue(doubled.mean() + 3 * doubled.standardError() < 2 * base.mean(),
                "rescues should rise by less than double: base " + base + ", doubled " + doubled);
    }
}
