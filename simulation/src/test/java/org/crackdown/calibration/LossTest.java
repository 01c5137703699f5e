package org.crackdown.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The loss and the per-target summaries, on examples worked out by hand. */
class LossTest {

    static final Target WOMEN = Target.point("women_rescued", 100, 0.10, "test");
    static final Target SHARE = Target.range("parents_sale_share", 0.35, 0.40, "test");

    @Test
    void aPointTargetCountsErrorsInUnitsOfItsTolerance() {
        assertEquals(0.0, WOMEN.loss(100), 1e-12);
        assertEquals(1.0, WOMEN.loss(110), 1e-12); // exactly at the edge: 10 / (0.1 x 100)
        assertEquals(0.25, WOMEN.loss(95), 1e-12); // (-5 / 10)^2
        assertEquals(4.0, WOMEN.loss(80), 1e-12);
        assertTrue(WOMEN.accepts(110));
        assertTrue(WOMEN.accepts(90));
        assertFalse(WOMEN.accepts(110.01));
    }

    @Test
    void aRangeCostsNothingInsideAndItsWidthOutside() {
        assertEquals(0.0, SHARE.loss(0.35), 1e-12);
        assertEquals(0.0, SHARE.loss(0.375), 1e-12);
        assertEquals(1.0, SHARE.loss(0.30), 1e-9);   // 0.05 below, width 0.05
        assertEquals(0.25, SHARE.loss(0.425), 1e-9); // 0.025 above
        assertTrue(SHARE.accepts(0.40));
        assertFalse(SHARE.accepts(0.401));
    }

    @Test
    void aMissingValueCostsTheMissingPenaltyAndIsNeverAccepted() {
        assertEquals(Target.MISSING, WOMEN.loss(Double.NaN));
        assertFalse(SHARE.accepts(Double.NaN));
    }

    @Test
    void countsScaleWithTheRunButPricesAndSharesDoNot() {
        Target scaled = WOMEN.scaledTo(0.1);
        assertEquals(10, scaled.value(), 1e-12);
        assertEquals(0.10, scaled.tolerance());
        Target gangs = Target.point("gangs_busted", 3195, 0.1, "s").scaledTo(0.5);
        assertEquals(1597.5, gangs.value(), 1e-9);
        assertSame(SHARE, SHARE.scaledTo(0.1));
        Target price = Target.range("price_boy", 45000, 60000, "s");
        assertSame(price, price.scaledTo(0.1));
        assertTrue(Target.isCount("cases_solved"));
        assertTrue(Target.isCount("victims_trafficked"));
        assertFalse(Target.isCount("price_woman"));
        assertFalse(Target.isCount("rescues_per_officer_year"));
    }

    /**
     * A national-only target (rings broken up) is scored in a national run and reported but not
     * scored at another scale: no loss, not a miss, whatever the runs gave.
     */
    @Test
    void aNationalOnlyTargetIsScoredOnlyAtScaleOne() {
        Target rings = Target.range("joint_rings_broken", 8, 10, "s").nationalOnly(true);
        assertTrue(rings.comparableAt(1));
        assertFalse(rings.comparableAt(0.1));
        assertTrue(WOMEN.comparableAt(0.1));
        // Scaled like any count (its figure is still reported as a tenth), and still national-only.
        assertTrue(rings.scaledTo(0.1).nationalOnly());
        double[] far = {0, 0, 1};
        TargetResult national = TargetResult.of(rings, far, rings.comparableAt(1));
        assertEquals(rings.loss(1.0 / 3), national.loss(), 1e-12);
        assertFalse(national.within());
        TargetResult small = TargetResult.of(rings.scaledTo(0.1), far, rings.comparableAt(0.1));
        assertEquals(0.0, small.loss());
        assertTrue(small.within());
        assertFalse(small.scored());
        assertEquals(1.0 / 3, small.mean(), 1e-12); // still reported
        TargetResult w = TargetResult.of(WOMEN, new double[] {110});
        assertEquals(w.loss(), Evaluation.loss(List.of(w, small)), 1e-12);
    }

    @Test
    void theLossOfAnEvaluationIsTheSumOfItsTargetsTerms() {
        // women: mean of 105, 115 = 110 -> 1; share: mean 0.30 -> 1; sum 2.
        TargetResult w = TargetResult.of(WOMEN, new double[] {105, 115});
        TargetResult s = TargetResult.of(SHARE, new double[] {0.28, 0.32});
        assertEquals(110, w.mean(), 1e-12);
        assertEquals(Math.sqrt(50), w.sd(), 1e-12);
        assertEquals(2.0, Evaluation.loss(List.of(w, s)), 1e-9);
    }

    @Test
    void replicatesWithoutAValueAreLeftOutOfTheMean() {
        // A price is missing when nothing was sold in a replicate.
        TargetResult r = TargetResult.of(Target.range("price_girl", 10000, 30000, "s"),
                new double[] {20000, Double.NaN, 22000});
        assertEquals(2, r.n());
        assertEquals(21000, r.mean(), 1e-9);
        TargetResult none = TargetResult.of(WOMEN, new double[] {Double.NaN, Double.NaN});
        assertEquals(0, none.n());
        assertEquals(Target.MISSING, none.loss());
        assertFalse(none.within());
    }

    @Test
    void theConfidenceIntervalUsesStudentsT() {
        // values 1, 2, 3: SD 1, t(0.975, 2 df) = 4.302653, half-width 4.302653 / sqrt(3).
        TargetResult r = TargetResult.of(WOMEN, new double[] {1, 2, 3});
        assertEquals(1.0, r.sd(), 1e-12);
        assertEquals(4.302653 / Math.sqrt(3), r.ciHalfWidth(), 1e-5);
        assertTrue(Double.isNaN(TargetResult.of(WOMEN, new double[] {1}).ciHalfWidth()));
    }

    @Test
    void theNormalisedCoordinateIsLinearOrLogarithmic() {
        FreeParameter lin = new FreeParameter("police.bust_probability", 0.1, 0.9, false);
        assertEquals(0.5, lin.toUnit(0.5), 1e-12);
        assertEquals(0.9, lin.fromUnit(1), 1e-12);
        assertEquals(0.1, lin.fromUnit(-3), 1e-12); // clamped
        FreeParameter log = new FreeParameter("demand.bride_propensity", 0.001, 0.1, true);
        assertEquals(0.5, log.toUnit(0.01), 1e-12); // 0.01 is half-way between 0.001 and 0.1 in log
        assertEquals(0.01, log.fromUnit(0.5), 1e-12);
        assertEquals(0.03, log.fromUnit(log.toUnit(0.03)), 1e-12);
        assertEquals(0.01235, log.rounded(0.0123456, 4), 1e-15);
        assertEquals(0.1, log.rounded(0.099999, 2), 1e-15); // rounding stays inside the bounds
    }
}
