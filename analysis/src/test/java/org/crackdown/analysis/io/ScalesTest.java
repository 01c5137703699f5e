package org.crackdown.analysis.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.crackdown.analysis.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs of one strategy at different scales are never pooled (issue 14). */
class ScalesTest {

    @TempDir
    Path tmp;

    @Test
    void oldRunFoldersTakeTheirScaleFromRunJson() throws Exception {
        Experiment e = ExperimentLoader.load(List.of(Fixtures.resource("runs")));
        assertEquals(List.of("0.02"), e.scales());
        assertEquals("scale 0.02: counts are 2% of China's", Scales.inWords(e));
        assertTrue(e.notes().isEmpty(), e.notes().toString());
    }

    @Test
    void aStrategyAtTwoScalesBecomesTwoGroupsAndANote() throws Exception {
        Path runs = Fixtures.copy("runs", tmp);
        Fixtures.edit(runs.resolve("baseline-13").resolve("run.json"), "\"scale\": 0.02", "\"scale\": 1");
        Experiment e = ExperimentLoader.load(List.of(runs));
        assertEquals(List.of("baseline (scale 0.02)", "baseline (scale 1)", "buyer-prosecution", "double-police"),
                e.strategies());
        assertEquals(2, e.runs().stream().filter(r -> r.strategy().equals("baseline (scale 0.02)")).count());
        assertEquals(List.of("1"), e.scalesOf("baseline (scale 1)"));
        assertEquals(1, e.notes().size());
        assertTrue(e.notes().get(0).contains("'baseline' (0.02, 1)"), e.notes().get(0));
        assertTrue(Scales.inWords(e).startsWith("several scales (baseline (scale 0.02) 0.02; baseline (scale 1) 1;"),
                Scales.inWords(e));
    }

    @Test
    void sameSeedAtTwoScalesIsNotADuplicate() throws Exception {
        Path runs = Fixtures.copy("runs", tmp);
        Path twin = Fixtures.copy("runs/baseline-11", tmp.resolve("x"));
        Fixtures.edit(twin.resolve("run.json"), "\"scale\": 0.02", "\"scale\": 0.5");
        Experiment e = ExperimentLoader.load(List.of(runs.resolve("baseline-11"), twin));
        assertEquals(List.of("baseline (scale 0.02)", "baseline (scale 0.5)"), e.strategies());
    }

    @Test
    void scalesAreWrittenAsPeopleWriteThem() {
        assertEquals("0.05", Scales.text(0.05));
        assertEquals("1", Scales.text(1.0));
        assertEquals("0.005", Scales.text(0.005));
        assertEquals(Scales.UNKNOWN, Scales.text(Double.NaN));
    }
}
