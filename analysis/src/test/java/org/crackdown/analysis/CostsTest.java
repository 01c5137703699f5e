package org.crackdown.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.crackdown.analysis.io.Experiment;
import org.crackdown.analysis.io.ExperimentLoader;
import org.crackdown.analysis.io.Run;
import org.junit.jupiter.api.Test;

/**
 * Cost in yuan and victims spared (issue 14), checked against the raw runs.csv of a fixture made
 * from real model runs (baseline, buyer-prosecution, double-police; 10 seeds each, one failed).
 */
class CostsTest {

    private static final Path SWEEP = Fixtures.resource("sweep-crn");

    private static Results compute(Map<String, Double> costs) throws Exception {
        return Comparisons.compute(ExperimentLoader.load(List.of(SWEEP)), AnalysisRequest.of(List.of(SWEEP))
                .withFigures(false).withCosts(costs));
    }

    /** run id to column to value, from the raw file. */
    private static Map<String, Map<String, String>> raw() {
        List<String[]> rows = Fixtures.csv(SWEEP.resolve("runs.csv"));
        Map<String, Map<String, String>> m = new HashMap<>();
        for (String[] row : rows.subList(1, rows.size())) {
            Map<String, String> r = new HashMap<>();
            for (int i = 0; i < row.length; i++) {
                r.put(rows.get(0)[i], row[i]);
            }
            m.put(row[0], r);
        }
        return m;
    }

    private static double value(Experiment e, Run r, String measure) {
        return r.value(e.measureIndex(measure));
    }

    @Test
    void costIsPricedCountsAndVictimsSparedArePairedBySeed() throws Exception {
        Results res = compute(Map.of("officer_year", 100_000.0, "buyer_prosecution", 20_000.0));
        Experiment e = res.experiment();
        Map<String, Map<String, String>> raw = raw();
        int checked = 0;
        for (Run r : e.runs()) {
            if (!r.ok()) {
                continue;
            }
            Map<String, String> row = raw.get(r.runId());
            double cost = Double.parseDouble(row.get("officer_years")) * 100_000
                    + Double.parseDouble(row.get("buyers_prosecuted")) * 20_000;
            assertEquals(cost, value(e, r, Costs.COST), 1e-6 * cost, r.runId());
            String baseId = "p1-baseline-r" + String.format("%02d", Integer.parseInt(r.replicate()));
            double spared = Double.parseDouble(raw.get(baseId).get("victims_trafficked"))
                    - Double.parseDouble(row.get("victims_trafficked"));
            assertEquals(spared, value(e, r, Costs.VICTIMS_SPARED), 0, r.runId());
            assertEquals(spared / cost * 1e6, value(e, r, Costs.SPARED_PER_MILLION), 1e-9, r.runId());
            double rescues = Double.parseDouble(row.get("women_rescued")) + Double.parseDouble(row.get("children_rescued"));
            assertEquals(rescues / cost * 1e6, value(e, r, Costs.RESCUES_PER_MILLION), 1e-9, r.runId());
            if (r.strategy().equals("baseline")) {
                assertEquals(0, value(e, r, Costs.VICTIMS_SPARED), 0);
            }
            checked++;
        }
        assertEquals(29, checked, "30 runs, one failed");
        List<String> criteria = res.rankings().stream().map(k -> k.criterion().name()).distinct().toList();
        assertEquals(List.of("rescues", "rescues_per_officer_year", "victims_spared_per_officer_year",
                "rescues_per_million_yuan", "victims_spared_per_million_yuan"), criteria);
        assertTrue(res.notes().stream().anyMatch(n -> n.startsWith("Cost in yuan leaves out (price 0, set with --cost): "
                + "suspect arrested")), res.notes().toString());
    }

    @Test
    void doublingEveryPriceHalvesWhatAYuanBuys() throws Exception {
        Results once = compute(Map.of("officer_year", 80_000.0, "trafficker_prosecution", 5_000.0));
        Results twice = compute(Map.of("officer_year", 160_000.0, "trafficker_prosecution", 10_000.0));
        for (RankRow k : once.rankings()) {
            if (!k.criterion().name().endsWith("_per_million_yuan")) {
                continue;
            }
            RankRow t = twice.rankings().stream().filter(x -> x.criterion().equals(k.criterion())
                    && x.strategy().equals(k.strategy())).findFirst().orElseThrow();
            assertEquals(k.sample().mean() / 2, t.sample().mean(), 1e-9 * Math.abs(k.sample().mean()) + 1e-12);
            assertEquals(k.rank(), t.rank(), "ranks do not depend on the currency unit");
        }
    }

    @Test
    void withoutAnOfficerYearPriceThereIsNoYuanButVictimsSparedPerOfficerYear() throws Exception {
        Results r = compute(Map.of());
        assertEquals(-1, r.experiment().measureIndex(Costs.COST));
        assertTrue(r.experiment().measureIndex(Costs.SPARED_PER_OFFICER_YEAR) >= 0);
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("No cost in yuan")), r.notes().toString());
    }

    @Test
    void unknownOrNegativePricesAreRefused() {
        AnalysisInputException a = assertThrows(AnalysisInputException.class, () -> compute(Map.of("officer", 1.0)));
        assertTrue(a.getMessage().startsWith("--cost officer: no such cost; costs: officer_year, "), a.getMessage());
        AnalysisInputException b = assertThrows(AnalysisInputException.class,
                () -> compute(Map.of("officer_year", -5.0)));
        assertTrue(b.getMessage().contains("must be a number of yuan, 0 or more"), b.getMessage());
    }
}
