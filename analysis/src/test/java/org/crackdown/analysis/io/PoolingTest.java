package org.crackdown.analysis.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.crackdown.analysis.AnalysisInputException;
import org.crackdown.analysis.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run folders of one scenario name whose resolved scenarios differ are not pooled into one
 * strategy unless --pool-by names every key that differs (issue 14).
 */
class PoolingTest {

    @TempDir
    Path tmp;

    /** The fixture's three baseline runs, one of them run with the police budget doubled. */
    private Path runsWithOneBudgetChanged() {
        Path runs = Fixtures.copy("runs", tmp);
        Fixtures.edit(runs.resolve("baseline-13").resolve("run.json"), "\"budget\": 1.0", "\"budget\": 2.0");
        return runs;
    }

    @Test
    void runsOfOneNameThatAgreeArePooledWithoutANote() throws Exception {
        Experiment e = ExperimentLoader.load(List.of(Fixtures.resource("runs")));
        assertEquals(3, e.runs().stream().filter(r -> r.strategy().equals("baseline")).count());
        assertTrue(e.notes().isEmpty(), e.notes().toString());
    }

    @Test
    void aDifferentKeyIsRefusedNamingTheKeyItsValuesAndTheirFolders() {
        Path runs = runsWithOneBudgetChanged();
        String m = assertThrows(AnalysisInputException.class, () -> ExperimentLoader.load(List.of(runs))).getMessage();
        assertTrue(m.contains("runs of scenario 'baseline' differ in police.budget: 1.0 (baseline-11, baseline-12), "
                + "2.0 (baseline-13)"), m);
        assertTrue(m.endsWith("--pool-by police.budget"), m);
        assertTrue(!m.contains("buyer-prosecution") && !m.contains("seed"), "only the strategy and key that differ: " + m);
    }

    @Test
    void poolByTheDifferingKeyPoolsThemAndSaysSo() throws Exception {
        Experiment e = ExperimentLoader.load(List.of(runsWithOneBudgetChanged()), List.of("police.budget"));
        assertEquals(3, e.runs().stream().filter(r -> r.strategy().equals("baseline")).count());
        assertEquals(List.of("Runs of scenario 'baseline' differ in police.budget: 1.0 (baseline-11, baseline-12), "
                + "2.0 (baseline-13), and were pooled into one strategy as --pool-by asked."), e.notes());
    }

    @Test
    void poolByAnotherKeyDoesNotExcuseTheDifference() {
        Path runs = runsWithOneBudgetChanged();
        String m = assertThrows(AnalysisInputException.class,
                () -> ExperimentLoader.load(List.of(runs), List.of("buyers.liability"))).getMessage();
        assertTrue(m.contains("police.budget"), m);
    }

    @Test
    void aPoolByKeyNoRunsDifferInIsNotedSoATypoShows() throws Exception {
        Experiment e = ExperimentLoader.load(List.of(Fixtures.resource("runs")), List.of("police.budgett"));
        assertEquals(1, e.notes().size());
        assertTrue(e.notes().get(0).startsWith("--pool-by police.budgett: no strategy's runs differ in that key"),
                e.notes().get(0));
    }

    @Test
    void poolByOnASweepIsNotedAsUnused() throws Exception {
        Experiment e = ExperimentLoader.load(List.of(Fixtures.resource("sweep-grid")), List.of("police.budget"));
        assertTrue(e.notes().contains("--pool-by police.budget: not used; it is for run folders, and a sweep names its "
                + "own strategies."), e.notes().toString());
    }
}
