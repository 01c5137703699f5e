package org.crackdown.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    }
}
