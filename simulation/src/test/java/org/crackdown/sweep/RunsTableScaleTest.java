package org.crackdown.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** runs.csv says each run's scale (issue 14): the analysis must never pool runs of different scales unknowingly. */
class RunsTableScaleTest {

    /** SweepFiles.FAST_SET without its scale, so strategies and designs may set it. */
    static final String FAST_NO_SCALE = SweepFiles.FAST_SET.replace("scale: 0.01, ", "");

    @TempDir
    Path dir;

    @Test
    void eachRunCarriesTheScaleItsStrategyOrTheBaseGaveIt() throws Exception {
        SweepPlan plan = SweepPlan.load(SweepFiles.write(dir, "scales", FAST_NO_SCALE
                + "replicates: 1\nstrategies:\n  base: {}\n  smaller: {scale: 0.005}\n"));
        RunsTable t = new RunsTable(plan);
        List<String> header = t.runsHeader();
        int col = header.indexOf("scale");
        assertEquals(header.indexOf("error") + 1, col, header.toString());
        assertEquals("0.02", cell(t, plan, 0, col), "tiny.yaml's own scale");
        assertEquals("0.005", cell(t, plan, 1, col));
    }

    @Test
    void aVariedScaleIsItsParameterColumnNotASecondOne() throws Exception {
        SweepPlan plan = SweepPlan.load(SweepFiles.write(dir, "varied", FAST_NO_SCALE
                + "replicates: 1\nvary:\n  scale: [0.01, 0.02]\nstrategies:\n  base: {}\n"));
        List<String> header = new RunsTable(plan).runsHeader();
        assertEquals(1, header.stream().filter("scale"::equals).count(), header.toString());
        assertTrue(header.indexOf("scale") > header.indexOf("error"));
        assertEquals(0.02, plan.scale(plan.run(1)), 0);
    }

    private static String cell(RunsTable t, SweepPlan plan, int run, int col) {
        return t.runsRow(plan.run(run), null, "x").split(",", -1)[col];
    }
}
