package org.crackdown.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.YearMonth;

import org.crackdown.outcome.Output;
import org.junit.jupiter.api.Test;

/** The Markdown section replaces only what is between its markers; numbers read as published. */
class PatternsReportTest {

    static final String B = PatternsReport.BEGIN;
    static final String E = PatternsReport.END;

    @Test
    void replacesOnlyTheMarkedSection() {
        String doc = "intro\n" + B + "\nold\n" + E + "\noutro\n";
        assertEquals("intro\n" + B + "\nnew\n" + E + "\noutro\n",
                PatternsReport.replaceSection(doc, B + "\nnew\n" + E + "\n"));
    }

    @Test
    void refusesDocumentsWithoutExactlyOnePairOfMarkersInOrder() {
        for (String doc : new String[] {"no markers", B + " only", E + "\n" + B, B + B + E, B + E + E}) {
            assertThrows(IllegalArgumentException.class, () -> PatternsReport.replaceSection(doc, "x"), doc);
        }
    }

    /** A fail the replicates cannot tell from a pass says so; a clear fail and a pass do not. */
    @Test
    void aFailWhoseIntervalReachesTheRangeIsMarked() {
        Pattern p = NationalRunPatternTest.RINGS; // 4-5, no tolerance
        assertEquals("fail (CI reaches the range)",
                PatternsReport.verdictCell(PatternResult.measured(p, new double[] {2.5, 3.5, 5.5})));
        assertEquals("fail", PatternsReport.verdictCell(PatternResult.measured(p, new double[] {3.0, 3.1, 3.2})));
        assertEquals("pass", PatternsReport.verdictCell(PatternResult.measured(p, new double[] {4.4, 4.5, 4.6})));
        assertEquals("not measured by the model", PatternsReport.verdictCell(
                PatternResult.missing(p, PatternResult.Status.NOT_MEASURED, "no column")));
    }

    @Test
    void publishedFiguresKeepEveryDigitAndModelValuesAreRounded() {
        assertEquals("15,458", PatternsReport.exact(15458));
        assertEquals("0.11", PatternsReport.exact(0.11));
        assertEquals("0.566", PatternsReport.exact(0.566));
        assertEquals("15,710", PatternsReport.human(15707.4));
        assertEquals("0.110", PatternsReport.human(0.10973));
        assertEquals("523", PatternsReport.human(523.4));
        assertEquals("–", PatternsReport.human(Double.NaN));
        assertEquals("∞", PatternsReport.human(Double.POSITIVE_INFINITY));
    }

    @Test
    void aMeanNeverReadsAsTheOppositeOfItsVerdict() {
        Pattern rings = NationalRunPatternTest.RINGS; // 4-5, no tolerance
        // 5.00294 fails 4-5 but rounds to "5.00"; 4.00002 passes and may read as 4.00.
        assertEquals("5.003", PatternsReport.mean(PatternResult.measured(rings, new double[] {4.00294, 6.00294})));
        assertEquals("4.00", PatternsReport.mean(PatternResult.measured(rings, new double[] {4.00002, 4.00002})));
        assertEquals("3.99997", PatternsReport.mean(PatternResult.measured(rings, new double[] {3.99997, 3.99997})));
        assertEquals("4.5", PatternsReport.mean(PatternResult.measured(rings, new double[] {4.5, 4.5})));
        // Above 1,000 the extra digits keep the thousands grouped.
        Pattern cases = new Pattern("cases", "cases solved", Output.parse("cases_solved"), Pattern.Scope.NATIONAL,
                "tiny", YearMonth.parse("2011-01"), YearMonth.parse("2011-12"), 7000, 10051, 0, false,
                Pattern.Strength.STRONG, "src", 2);
        assertEquals("10,051.2", PatternsReport.mean(PatternResult.measured(cases, new double[] {10051.2, 10051.2})));
        assertEquals("10,050", PatternsReport.mean(PatternResult.measured(cases, new double[] {10049.6, 10049.6})));
        assertEquals("–", PatternsReport.mean(PatternResult.measured(cases, new double[] {Double.NaN})));
    }
}
