package org.crackdown.calibration;

import static org.crackdown.calibration.TargetsReaderTest.assertHas;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.crackdown.cli.Main;
import org.crackdown.model.Scenario;
import org.crackdown.model.TraffickingModel;
import org.crackdown.scenario.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Targets that read more than their own summary column: a sum or ratio of columns ({@code output}),
 * and months of the run other than the measure window ({@code from}, {@code to}), read from the run's
 * monthly national totals. This is how one calibration scores 2011 and the 2000-2007 level together.
 */
class TargetReadingsTest {

    /** The tiny test scenario: 2010 at 2% scale, measured July to December. */
    static final String TINY = Path.of("src/test/resources/scenarios/tiny.yaml").toAbsolutePath().toString();

    @TempDir
    Path tmp;

    private Path write(String targets) throws IOException {
        Path f = tmp.resolve("t.yaml");
        Files.writeString(f, "scenario: " + TINY + "\nfree: {demand.bride_propensity: {min: 0.01, max: 0.5}}\n"
                + "targets:\n" + targets);
        return f;
    }

    private static final String WINDOWED = ""
            + "  women_rescued: {value: 100, tolerance: 0.1, source: x}\n"
            + "  women_second_half: {output: women_rescued, from: 2010-07, to: 2010-12, value: 100, tolerance: 0.1, "
            + "source: x}\n"
            + "  women_first_half: {output: women_rescued, from: 2010-01, to: 2010-06, value: 100, tolerance: 0.1, "
            + "source: x}\n"
            + "  rescued_year: {output: women_rescued+children_rescued, from: 2010-01, to: 2010-12, min: 10, "
            + "max: 1000, source: x}\n"
            + "  rescued_per_case: {output: women_rescued+children_rescued/cases_solved, min: 0.5, max: 5, "
            + "source: x}\n";

    @Test
    void aTargetReadsASumOrRatioOverItsOwnMonths() throws Exception {
        CalibrationSpec s = TargetsReader.read(write(WINDOWED));
        Target own = s.targets().get(0);
        Target first = s.targets().get(2);
        Target year = s.targets().get(3);
        Target ratio = s.targets().get(4);
        assertTrue(own.readsItsColumn());
        assertNull(own.from());
        assertFalse(first.readsItsColumn());
        assertEquals(YearMonth.of(2010, 1), first.from());
        assertEquals(YearMonth.of(2010, 6), first.to());
        assertEquals(List.of("women_rescued", "children_rescued"), List.copyOf(year.output().columns()));
        // Counts are scaled to a run's scale; a ratio of counts is not.
        assertTrue(year.counts());
        assertEquals(10 * 0.02, year.scaledTo(0.02).min(), 1e-12);
        assertFalse(ratio.counts());
        assertEquals(0.5, ratio.scaledTo(0.02).min());
        assertEquals("women_rescued+children_rescued over 2010-01..2010-12", year.readingText());
        assertEquals("", own.readsItsColumn() ? own.readingText() : "?");
    }

    /**
     * One run read both ways: over the measure window a target's months give the summary's column
     * (metamorphic: the same count by two routes); two halves add up to the year; a sum or ratio
     * over the measure window is the sum or ratio of the summary's columns.
     */
    @Test
    void monthlyReadingsAgreeWithTheSummary() throws Exception {
        CalibrationSpec spec = TargetsReader.read(write(WINDOWED));
        Scenario s = org.crackdown.scenario.ScenarioLoader.load(Path.of(TINY));
        TraffickingModel m = new TraffickingModel(s, 2);
        TargetReadings readings = new TargetReadings(spec.targets());
        readings.attach(m);
        TraffickingModel.runToEnd(m);
        Map<String, Double> summary = m.metrics().summary();
        Map<String, Double> read = readings.result(summary);
        double women = summary.get("women_rescued");
        double children = summary.get("children_rescued");
        assertTrue(women > 0 && read.get("women_first_half") > 0, () -> "a test that can fail needs rescues: " + read);
        assertEquals(women, read.get("women_second_half"), 1e-9);
        assertEquals(women, read.get("women_rescued"), 1e-9, "the summary's own column is left as it is");
        assertTrue(read.get("rescued_year") >= women + children + read.get("women_first_half") - 1e-9);
        assertEquals((women + children) / summary.get("cases_solved"), read.get("rescued_per_case"), 1e-12);
        // Scored through the evaluator as any other target.
        Evaluation e = new Evaluator(spec, spec.scenario(), List.of(), null, 1)
                .score(1, new double[] {0.1}, List.of(read), 1);
        assertEquals(read.get("rescued_year"), e.results().get(3).mean(), 1e-9);
    }

    @Test
    void problemsAreReportedAtTheirLines() throws Exception {
        Path f = write(""
                + "  rescued_2000: {value: 100, tolerance: 0.1, source: x}\n"
                + "  women_rescued: {output: women_rescued, from: 2010-01, to: 2010-06, value: 1, tolerance: 0.1, "
                + "source: x}\n"
                + "  share_early: {output: parents_sale_share, from: 2010-01, to: 2010-06, min: 0, max: 1, source: x}\n"
                + "  half_window: {output: women_rescued, from: 2010-01, value: 1, tolerance: 0.1, source: x}\n"
                + "  bad_month: {output: women_rescued, from: 2010-13, to: 2010-12, value: 1, tolerance: 0.1, "
                + "source: x}\n"
                + "  backwards: {output: women_rescued, from: 2010-06, to: 2010-01, value: 1, tolerance: 0.1, "
                + "source: x}\n"
                + "  misspelt: {output: women_rescue+children_rescued, value: 1, tolerance: 0.1, source: x}\n"
                + "  two_wrongs: {output: women_rescue, value: 1, tolerance: 0.1}\n"
                + "  2000-2007 rescues: {output: women_rescued, from: 2000-01, to: 2007-12, value: 1, tolerance: 0.1, "
                + "source: x}\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> TargetsReader.read(f));
        String all = e.getMessage();
        assertHas(all, f + ":4:3: targets: unknown summary column 'rescued_2000'");
        assertHas(all, "(or give the target an 'output' saying what it reads)");
        assertHas(all, f + ":5:18: targets: women_rescued: a target that reads more than its own column needs a name "
                + "that is not a summary column");
        assertHas(all, f + ":6:51: targets: share_early: parents_sale_share is kept only over the scenario's measure "
                + "window");
        assertHas(all, f + ":7:16: targets: half_window: give both 'from' and 'to'");
        assertHas(all, f + ":8:44: targets: bad_month: from: expected a month like 2000-01, got '2010-13'");
        assertHas(all, f + ":9:57: targets: backwards: to: 2010-01 is before from: 2010-06");
        assertHas(all, f + ":10:22: targets: misspelt: output: unknown summary column 'women_rescue'; did you mean "
                + "'women_rescued'?");
        // A bad reading does not hide the entry's other problems.
        assertHas(all, f + ":11:24: targets: two_wrongs: output: unknown summary column 'women_rescue'");
        assertHas(all, f + ":11:3: targets: two_wrongs: missing 'source'");
        assertHas(all, f + ":12:3: targets: '2000-2007 rescues': a target's name is lower-case letters, digits and "
                + "'_'");
    }

    /** Months outside the run would be read as zeros: refused with a clear error and exit 2, no output folder. */
    @Test
    void monthsOutsideTheRunAreBadInput() throws Exception {
        Path f = write("  rescued_2009: {output: women_rescued+children_rescued, from: 2009-01, to: 2009-12, "
                + "value: 100, tolerance: 0.1, source: x}\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"calibrate", f.toString(), "--check", "--replicates", "1"},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(Main.BAD_INPUT, code, err::toString);
        assertHas(err.toString(), f + ": targets: rescued_2009: its months 2009-01..2009-12 are not all inside the "
                + "run of tiny (2010-01..2010-12)");
        assertFalse(err.toString().contains("Exception"), err::toString);
    }

    @Test
    void theShippedTwoPeriodTargetsFileIsValid() throws ScenarioException {
        CalibrationSpec s = TargetsReader.read(Path.of("../scenarios/calibration/china-2000-2011.yaml"));
        CalibrationSpec only2011 = TargetsReader.read(Path.of("../scenarios/calibration/china-2011.yaml"));
        // The 2011 file's targets plus the 2000-2007 level and the campaign's first fourteen months.
        assertEquals(only2011.targets().size() + 3, s.targets().size());
        Target rescued = s.targets().get(0);
        assertEquals("rescued_2000_2007", rescued.column());
        assertEquals(YearMonth.of(2000, 1), rescued.from());
        assertTrue(rescued.counts());
        Target firstYear = s.targets().get(2);
        assertEquals("cases_solved_2009_2010", firstYear.column());
        assertEquals(List.of(YearMonth.of(2009, 4), YearMonth.of(2010, 5)), List.of(firstYear.from(), firstYear.to()));
        // The free parameters and their priors are the 2011 file's (copied, to be kept in step),
        // then how fast going rates move, which only a run through the campaign's first year sees.
        assertEquals(only2011.free().size() + 1, s.free().size());
        assertEquals("market.price_adjustment", s.free().get(s.free().size() - 1).key());
        for (int k = 0; k < only2011.free().size(); k++) {
            FreeParameter a = only2011.free().get(k);
            FreeParameter b = s.free().get(k);
            assertEquals(List.of(a.key(), a.min(), a.max(), a.log(), a.start()),
                    List.of(b.key(), b.min(), b.max(), b.log(), b.start()), a.key());
            assertEquals(only2011.priors().get(k), s.priors().get(k), a.key());
        }
        for (Target t : only2011.targets()) {
            assertTrue(s.targets().contains(t), t.column());
        }
    }
}
