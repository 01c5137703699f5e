package org.crackdown.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.crackdown.scenario.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepPlanTest {

    @TempDir
    Path dir;

    /** Every sweep file shipped in scenarios/sweeps loads (its base, strategies and design are valid). */
    @Test
    void everyShippedSweepFileLoads() throws Exception {
        List<Path> files;
        try (var s = Files.list(Path.of("../scenarios/sweeps"))) {
            files = s.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() >= 7, files::toString);
        for (Path f : files) {
            SweepPlan plan = SweepPlan.load(f);
            assertTrue(plan.runCount() > 0, f::toString);
        }
    }

    @Test
    void runsAreInCanonicalOrderPointThenStrategyThenReplicate() throws Exception {
        SweepPlan plan = SweepPlan.load(SweepFiles.small(dir, "order"));
        assertEquals(12, plan.runCount());
        assertEquals("p0001-baseline-r01", plan.run(0).runId());
        assertEquals("p0001-baseline-r03", plan.run(2).runId());
        assertEquals("p0001-double-police-r01", plan.run(3).runId());
        assertEquals("p0002-baseline-r01", plan.run(6).runId());
        SweepRun last = plan.run(11);
        assertEquals("p0002-double-police-r03", last.runId());
        assertEquals(1, last.point());
        assertEquals(1, last.strategy());
        assertEquals(3, last.replicate());
        assertEquals(3, last.seed(), "common seeds: replicate 3 has seed base + 2");
        for (int i = 0; i < plan.runCount(); i++) {
            assertEquals(i, plan.ids().indexOf(plan.run(i).runId()), "run ids map back to their index");
        }
        assertEquals(-1, plan.ids().indexOf("p0003-baseline-r01"));
    }

    @Test
    void overridesApplySetThenPointThenStrategy() throws Exception {
        SweepPlan plan = SweepPlan.load(SweepFiles.small(dir, "over"));
        assertEquals(List.of("scale=0.01", "end=2010-03-31", "measure.from=2010-01-01", "measure.to=2010-03-31",
                "births.srb_shift=10", "police.budget=2"), plan.overrides(1, 1));
        assertEquals(2.0, plan.scenario(plan.run(11)).parameters().getBudget());
        assertEquals(10.0, plan.scenario(plan.run(11)).parameters().getSrbShift());
    }

    @Test
    void everyDesignPointIsCheckedAgainstTheScenarioRulesBeforeAnythingRuns() throws Exception {
        // Each share is valid alone; with the base's other police shares 0.9 adds up to more than 1.
        Path f = SweepFiles.write(dir, "shares", "vary:\n  police.patrol_share: [0.2, 0.9]\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> SweepPlan.load(f));
        assertEquals(1, e.problems().size(), e.getMessage());
        String p = e.problems().get(0).toString();
        assertTrue(p.startsWith(f + ":4:3: design point p0002 (police.patrol_share=0.9), strategy 'base': "), p);
        assertTrue(p.contains("police shares add up to"), p);
    }

    @Test
    void fingerprintFollowsTheSweepFileAndTheBase() throws Exception {
        Path f = SweepFiles.small(dir, "fp");
        String a = SweepPlan.load(f).fingerprint();
        assertEquals(a, SweepPlan.load(f).fingerprint());
        Files.writeString(f, Files.readString(f) + "description: changed\n");
        assertNotEquals(a, SweepPlan.load(f).fingerprint());
    }

    @Test
    void independentSeedsDependOnTheStrategyNameNotItsPosition() throws Exception {
        Path a = SweepFiles.write(dir, "a", "replicates: 2\nseeds: {policy: independent, base: 5}\n"
                + "strategies: {x: {}, y: {police.budget: 2}}\n");
        Path b = SweepFiles.write(dir, "b", "replicates: 2\nseeds: {policy: independent, base: 5}\n"
                + "strategies: {y: {police.budget: 2}, x: {}}\n");
        SweepPlan pa = SweepPlan.load(a);
        SweepPlan pb = SweepPlan.load(b);
        assertEquals(pa.run(0).seed(), pb.run(2).seed(), "x r01 has the same seed in both files");
        assertNotEquals(pa.run(0).seed(), pa.run(1).seed());
        assertNotEquals(pa.run(0).seed(), pa.run(2).seed());
    }

    @Test
    void theShippedQuickSweepIsValid() throws Exception {
        SweepPlan quick = SweepPlan.load(Path.of("../scenarios/sweeps/quick.yaml"));
        assertEquals(20, quick.runCount());
        assertEquals("p0001-double-police-r10", quick.run(19).runId());
        assertEquals(0.1, quick.base().parameters().getScale());
        assertEquals(2.0, quick.scenario(quick.run(19)).parameters().getBudget());
    }
}
