package org.crackdown.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;

import org.crackdown.outcome.Output;
import org.junit.jupiter.api.Test;

/** The in-range logic, the confidence interval and the footing of model values. */
class PatternResultTest {

    static Pattern pattern(double low, double high, double tolerance, Pattern.Scope scope, String from, String to) {
        return new Pattern("p", "d", Output.parse("women_rescued"), scope, "s", YearMonth.parse(from),
                YearMonth.parse(to), low, high, tolerance, false, Pattern.Strength.STRONG, "src", 2);
    }

    static Pattern point(double value, double tolerance) {
        return pattern(value, value, tolerance, Pattern.Scope.NATIONAL, "2011-01", "2011-12");
    }

    @Test
    void aPointFigureAcceptsItsToleranceAndNoMore() {
        Pattern p = point(1000, 0.10);
        assertTrue(p.accepts(900));
        assertTrue(p.accepts(1100));
        assertFalse(p.accepts(899.9));
        assertFalse(p.accepts(1100.1));
        assertFalse(p.accepts(Double.NaN));
    }

    @Test
    void aRangeIsTakenAsPublishedAndMayBeOpenAbove() {
        Pattern r = pattern(45000, 60000, 0, Pattern.Scope.SCALE_FREE, "2011-01", "2011-12");
        assertTrue(r.accepts(45000));
        assertTrue(r.accepts(60000));
        assertFalse(r.accepts(44999));
        assertFalse(r.accepts(60001));
        Pattern atLeast = pattern(2000, Double.POSITIVE_INFINITY, 0, Pattern.Scope.NATIONAL, "2011-01", "2011-12");
        assertTrue(atLeast.accepts(1e9));
        assertFalse(atLeast.accepts(1999));
    }

    @Test
    void countsArePutPerNationalEquivalentAndPerYear() {
        assertEquals(1000, point(1, 0).toFigureFooting(50, 0.05), 1e-9);
        Pattern perYear = pattern(1, 1, 0, Pattern.Scope.NATIONAL_PER_YEAR, "2010-01", "2015-12");
        assertEquals(6 * 12, perYear.months());
        assertEquals(1000, perYear.toFigureFooting(300, 0.05), 1e-9, "300 over 6 years at 5% = 1,000 a year");
        Pattern ratio = pattern(1, 1, 0, Pattern.Scope.SCALE_FREE, "2009-04", "2010-05");
        assertEquals(0.11, ratio.toFigureFooting(0.11, 0.05));
    }

    @Test
    void theMeanDecidesAndTheIntervalIsStudentT() {
        // Values 900, 1000, 1100: mean 1000, sd 100, t(0.975, 2) = 4.3027 -> half-width 248.4.
        PatternResult r = PatternResult.measured(point(1000, 0.10), new double[] {900, 1000, 1100});
        assertEquals(1000, r.sample().mean(), 1e-9);
        assertEquals(100, r.sample().sd(), 1e-9);
        assertEquals(1000 - 248.414, r.sample().ci().low(), 1e-3);
        assertEquals(1000 + 248.414, r.sample().ci().high(), 1e-3);
        assertEquals(Boolean.TRUE, r.inRange());
        assertEquals("pass", r.verdict());
    }

    @Test
    void aMeanOutsideWithAnIntervalReachingInIsAFailThatTheIntervalFlags() {
        PatternResult near = PatternResult.measured(point(1000, 0.10), new double[] {1050, 1150, 1250});
        assertEquals(Boolean.FALSE, near.inRange());
        assertEquals("fail", near.verdict());
        assertEquals(Boolean.TRUE, near.ciOverlaps());
        PatternResult far = PatternResult.measured(point(1000, 0.10), new double[] {2000, 2010, 2020});
        assertEquals(Boolean.FALSE, far.ciOverlaps());
    }

    @Test
    void missingValuesAreLeftOutAndNoValueAtAllIsNoVerdict() {
        PatternResult some = PatternResult.measured(point(1000, 0.10), new double[] {Double.NaN, 1000, 1010});
        assertEquals(2, some.sample().n());
        PatternResult none = PatternResult.measured(point(1000, 0.10), new double[] {Double.NaN, Double.NaN});
        assertEquals(PatternResult.Status.NO_VALUE, none.status());
        assertNull(none.inRange());
        assertEquals("no value in any replicate", none.verdict());
        PatternResult one = PatternResult.measured(point(1000, 0.10), new double[] {1000});
        assertNull(one.ciOverlaps(), "no interval from one value");
        PatternResult gap = PatternResult.missing(point(1, 0), PatternResult.Status.NOT_MEASURED, "no column x");
        assertEquals("not measured by the model", gap.verdict());
        assertEquals(0, gap.sample().n());
    }
}
