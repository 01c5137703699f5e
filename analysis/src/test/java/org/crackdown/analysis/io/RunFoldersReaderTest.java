package org.crackdown.analysis.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.crackdown.analysis.AnalysisInputException;
import org.crackdown.analysis.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFoldersReaderTest {

    @TempDir
    Path tmp;

    @Test
    void scenariosAreStrategiesAndSeedsAreReplicates() throws Exception {
        Experiment e = ExperimentLoader.load(List.of(Fixtures.resource("runs")));
        assertEquals(Experiment.Source.RUN_FOLDERS, e.source());
        assertEquals(9, e.runs().size());
        assertEquals(List.of("baseline", "buyer-prosecution", "double-police"), e.strategies());
        assertTrue(e.runs().stream().allMatch(r -> r.replicate().equals(r.seed())));
        assertEquals(List.of("11", "12", "13"),
                e.runs().stream().filter(r -> r.strategy().equals("baseline")).map(Run::replicate).toList());
        // Descriptors without roles: ids by name, numbers are measures.
        assertTrue(e.measureIndex("women_rescued") >= 0);
        assertEquals(-1, e.measureIndex("seed"));
        assertEquals("2010-07-01", e.measureFrom().orElseThrow());
        assertEquals(9, e.runRecords().size());
        assertTrue(e.provenance().get("scenarios (strategies)").contains("double-police"));
    }

    /** Flows are summed over victim types; checked against the raw file. */
    @Test
    void readsFlowsAndSeries() throws Exception {
        Experiment e = ExperimentLoader.load(List.of(Fixtures.resource("runs")));
        assertTrue(e.timeSeries().isPresent());
        Flows f = e.flows().orElseThrow();
        Path file = Fixtures.resource("runs").resolve("baseline-11").resolve("flows.csv");
        List<String[]> rows = Fixtures.csv(file);
        double expected = 0;
        String origin = rows.get(1)[2];
        String dest = rows.get(1)[3];
        for (String[] r : rows.subList(1, rows.size())) {
            if (r[2].equals(origin) && r[3].equals(dest)) {
                expected += Double.parseDouble(r[5]);
            }
        }
        String id = e.runs().stream().filter(r -> r.strategy().equals("baseline") && r.seed().equals("11")).findFirst()
                .orElseThrow().runId();
        Map<Flows.Route, Double> run = f.byRun().get(id);
        assertEquals(expected, run.get(new Flows.Route(origin, dest)), 0);
    }

    @Test
    void theSameScenarioAndSeedTwiceIsRefused() {
        Path a = Fixtures.copy("runs/baseline-11", tmp.resolve("a"));
        Path b = Fixtures.copy("runs/baseline-11", tmp.resolve("b"));
        String m = assertThrows(AnalysisInputException.class, () -> ExperimentLoader.load(List.of(a, b))).getMessage();
        assertTrue(m.contains("are both scenario 'baseline' with seed 11"), m);
    }

    @Test
    void foldersThatAreNeitherAreRefused() throws Exception {
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        String m = assertThrows(AnalysisInputException.class, () -> ExperimentLoader.load(List.of(empty))).getMessage();
        assertTrue(m.contains("neither a sweep folder"), m);
        Path none = tmp.resolve("nope");
        assertTrue(assertThrows(AnalysisInputException.class, () -> ExperimentLoader.load(List.of(none))).getMessage()
                .contains("no such folder"));
        Path sweep = Fixtures.resource("sweep-grid");
        assertTrue(assertThrows(AnalysisInputException.class, () -> ExperimentLoader.load(List.of(sweep, sweep)))
                .getMessage().contains("analyse one sweep at a time"));
    }
}
