package org.crackdown.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.crackdown.analysis.io.ExperimentLoader;
import org.crackdown.analysis.stats.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonsTest {

    @TempDir
    Path tmp;

    /** base; more (+6 women, +4 children, same effort); same (only noise); 8 replicates. */
    private Path sweep() {
        SyntheticSweep s = new SyntheticSweep();
        for (int r = 1; r <= 8; r++) {
            s.add("base", r, SyntheticSweep.women(r), SyntheticSweep.children(r), 50);
            s.add("more", r, SyntheticSweep.women(r) + 6 + SyntheticSweep.noise(r, 1),
                    SyntheticSweep.children(r) + 4 + SyntheticSweep.noise(r, 2), 50);
            s.add("same", r, SyntheticSweep.women(r) + SyntheticSweep.noise(r, 3),
                    SyntheticSweep.children(r) + SyntheticSweep.noise(r, 4), 50);
        }
        return s.write(tmp.resolve("syn"));
    }

    private Results compute(Path dir, AnalysisRequest req) throws Exception {
        return Comparisons.compute(ExperimentLoader.load(List.of(dir)), req);
    }

    private static DifferenceRow diff(Results r, String strategy, String measure) {
        return r.differences().stream().filter(d -> d.strategy().equals(strategy) && d.measure().name().equals(measure))
                .findFirst().orElseThrow();
    }

    @Test
    void pairingOnSeedsFindsAShiftHiddenInLargeBetweenSeedSpread() throws Exception {
        Results r = compute(sweep(), AnalysisRequest.of(List.of(sweep())));
        assertEquals("base", r.baseline());
        // rescues is derived; cost-effectiveness too, since officer_years is there.
        assertEquals(List.of("rescues", "women_rescued", "children_rescued", "rescues_per_officer_year"),
                r.metrics().stream().map(f -> f.name()).toList());
        DifferenceRow more = diff(r, "more", "rescues");
        double expected = 0;
        for (int k = 1; k <= 8; k++) {
            expected += 10 + SyntheticSweep.noise(k, 1) + SyntheticSweep.noise(k, 2);
        }
        assertEquals(expected / 8, more.comparison().difference().mean(), 1e-9);
        assertEquals(8, more.comparison().n());
        assertTrue(more.significant());
        assertFalse(diff(r, "same", "rescues").significant());
        // Unpaired, the same shift would drown in the spread between seeds (SD ~ 25).
        double[] base = new double[8];
        for (int k = 1; k <= 8; k++) {
            base[k - 1] = SyntheticSweep.women(k) + SyntheticSweep.children(k);
        }
        assertTrue(Sample.of(base).sd() > 2 * more.comparison().difference().mean());
    }

    @Test
    void holmIsAppliedOverTheWholeFamily() throws Exception {
        Results r = compute(sweep(), AnalysisRequest.of(List.of()));
        // 2 strategies x 4 measures.
        assertEquals(8, r.differences().size());
        for (DifferenceRow d : r.differences()) {
            assertTrue(d.pHolm() >= d.comparison().p() - 1e-15);
        }
        DifferenceRow smallest = r.differences().stream()
                .min((a, b) -> Double.compare(a.comparison().p(), b.comparison().p())).orElseThrow();
        assertEquals(Math.min(1, 8 * smallest.comparison().p()), smallest.pHolm(), 1e-12);
    }

    @Test
    void rankingsByRescuesAndCostEffectiveness() throws Exception {
        Results r = compute(sweep(), AnalysisRequest.of(List.of()));
        List<RankRow> byRescues = r.rankings().stream().filter(k -> k.criterion().name().equals("rescues")).toList();
        assertEquals("more", byRescues.get(0).strategy());
        assertEquals(1, byRescues.get(0).rank());
        assertNull(byRescues.stream().filter(k -> k.strategy().equals("base")).findFirst().orElseThrow().vsBaseline());
        assertTrue(r.rankings().stream().anyMatch(k -> k.criterion().name().equals("rescues_per_officer_year")));
    }

    @Test
    void failedAndUnpairedRunsAreLeftOutAndCounted() throws Exception {
        SyntheticSweep s = new SyntheticSweep();
        for (int k = 1; k <= 5; k++) {
            s.add("base", k, SyntheticSweep.women(k), SyntheticSweep.children(k), 50);
            if (k == 2) {
                s.failed("alt", k);
            } else if (k != 4) {
                s.add("alt", k, SyntheticSweep.women(k) + 3, SyntheticSweep.children(k), 50);
            }
        }
        Path dir = s.write(tmp.resolve("gaps"));
        Results r = compute(dir, AnalysisRequest.of(List.of()));
        DifferenceRow d = diff(r, "alt", "women_rescued");
        assertEquals(3, d.comparison().n());
        // base replicates 2 and 4 have no partner.
        assertEquals(2, d.unpaired());
        assertEquals(3.0, d.comparison().difference().mean(), 1e-9);
        SummaryRow alt = r.summaries().stream()
                .filter(x -> x.strategy().equals("alt") && x.measure().name().equals("women_rescued")).findFirst()
                .orElseThrow();
        assertEquals(4, alt.runs());
        assertEquals(1, alt.failed());
        assertEquals(3, alt.sample().n());
        assertTrue(r.notes().get(r.notes().size() - 1).contains("1 of 9 runs failed"));
    }

    @Test
    void optionsAreChecked() throws Exception {
        Path dir = sweep();
        Results r = compute(dir, AnalysisRequest.of(List.of()).withBaseline("same").withMetrics(List.of("women_rescued")));
        assertEquals("same", r.baseline());
        assertEquals(2, r.differences().size());
        String m = assertThrows(AnalysisInputException.class,
                () -> compute(dir, AnalysisRequest.of(List.of()).withBaseline("nope"))).getMessage();
        assertEquals("--baseline nope: no such strategy; strategies: base, more, same", m);
        m = assertThrows(AnalysisInputException.class,
                () -> compute(dir, AnalysisRequest.of(List.of()).withMetrics(List.of("rescuez")))).getMessage();
        assertTrue(m.startsWith("--metric rescuez: no such measure; available: women_rescued, children_rescued"), m);
        AnalysisRequest bad = new AnalysisRequest(List.of(dir), null, List.of(), 0, null, false, null, false, null, false);
        assertTrue(assertThrows(AnalysisInputException.class, () -> compute(dir, bad)).getMessage()
                .startsWith("--precision 0.0: must be a positive fraction"));
    }

    /** The fixture's real model output, checked against a direct computation from runs.csv. */
    @Test
    void realFixtureDifferencesMatchADirectComputation() throws Exception {
        Path dir = Fixtures.resource("sweep-crn");
        Results r = compute(dir, AnalysisRequest.of(List.of(dir)));
        List<String[]> rows = Fixtures.csv(dir.resolve("runs.csv"));
        String[] h = rows.get(0);
        int st = Fixtures.column(h, "strategy");
        int rep = Fixtures.column(h, "replicate");
        int ok = Fixtures.column(h, "status");
        int w = Fixtures.column(h, "women_rescued");
        int c = Fixtures.column(h, "children_rescued");
        double[] base = new double[11];
        double[] bp = new double[11];
        for (String[] row : rows.subList(1, rows.size())) {
            if (!row[ok].equals("ok")) {
                continue;
            }
            double resc = Double.parseDouble(row[w]) + Double.parseDouble(row[c]);
            int k = Integer.parseInt(row[rep]);
            if (row[st].equals("baseline")) {
                base[k] = resc;
            } else if (row[st].equals("buyer-prosecution")) {
                bp[k] = resc;
            }
        }
        List<Double> d = new ArrayList<>();
        for (int k = 1; k <= 10; k++) {
            if (k != 7) { // replicate 7 of buyer-prosecution failed
                d.add(bp[k] - base[k]);
            }
        }
        DifferenceRow row = diff(r, "buyer-prosecution", "rescues");
        assertEquals(9, row.comparison().n());
        assertEquals(d.stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
                row.comparison().difference().mean(), 1e-9);
        assertEquals(1, row.unpaired());
        // Doubling the police budget rescues more in the model, clearly.
        assertTrue(diff(r, "double-police", "rescues").significant());
    }

    @Test
    void sampledDesignsArePooledAndGetASensitivityAnalysis() throws Exception {
        Path dir = Fixtures.resource("sweep-lhs");
        Results r = compute(dir, AnalysisRequest.of(List.of(dir)));
        assertTrue(r.design().sampled());
        assertTrue(r.differences().stream().allMatch(d -> d.pointId().equals(Design.ALL)));
        assertEquals(40, diff(r, "hotspot", "rescues").comparison().n());
        SensitivityRow budget = r.sensitivity().stream().filter(s -> s.strategy().equals("baseline")
                && s.measure().name().equals("rescues") && s.parameter().name().equals("police.budget")).findFirst()
                .orElseThrow();
        assertEquals(20, budget.points());
        // More police, more rescues: the model's most basic lever.
        assertTrue(budget.coefficient().prcc() > 0.3, "PRCC " + budget.coefficient().prcc());
        Path grid = Fixtures.resource("sweep-grid");
        Results g = compute(grid, AnalysisRequest.of(List.of(grid)));
        assertFalse(g.design().sampled());
        assertTrue(g.sensitivity().isEmpty());
        assertEquals(List.of("1", "2"), g.differences().stream().map(DifferenceRow::pointId).distinct().toList());
    }

    /**
     * A sampled design where a strategy's relative effect depends on one parameter only, and the
     * level on another: the effect's PRCC finds the first and not the second (the level's finds
     * the second). Relative, because an absolute effect also grows with whatever scales the level.
     */
    @Test
    void theSensitivityOfAStrategysEffectFindsTheParameterItRestsOn() throws Exception {
        Path dir = effectSweep("effect", 30);
        Results r = compute(dir, AnalysisRequest.of(List.of(dir)));
        assertTrue(r.design().sampled());
        String effect = Comparisons.effectLabel("police", "base");
        assertEquals("police minus base (relative)", effect);
        assertTrue(prcc(r, effect, "women_rescued", "police.interception_efficiency") < -0.9);
        assertTrue(Math.abs(prcc(r, effect, "women_rescued", "demand.bride_propensity")) < 0.3);
        // The level is the other way round: demand moves it, stopping power (under the baseline) not.
        assertTrue(prcc(r, "base", "women_rescued", "demand.bride_propensity") > 0.9);
        assertTrue(Math.abs(prcc(r, "base", "women_rescued", "police.interception_efficiency")) < 0.3);
        // No effect rows for the baseline against itself.
        assertTrue(r.sensitivity().stream().noneMatch(s -> s.strategy().equals(Comparisons.effectLabel("base", "base"))));
        assertEquals(30, r.sensitivity().stream().filter(s -> s.strategy().equals(effect)).findFirst().orElseThrow().points());
    }

    /**
     * Posterior draws repeat particles: 30 points holding 4 parameter sets carry no more
     * information than 4, too few for 2 parameters' PRCC to mean anything beyond the ties.
     */
    @Test
    void repeatedParameterSetsAreNotTakenForEvidence() throws Exception {
        Path dir = effectSweep("repeated", 4);
        Results r = compute(dir, AnalysisRequest.of(List.of(dir)));
        assertTrue(r.sensitivity().isEmpty());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("only 4 distinct parameter sets")), r.notes().toString());
    }

    /**
     * A sampled sweep of 30 points, base and police, two replicates: women rescued rise with
     * demand; police cuts them by 30% x stopping power. Points cycle through {@code sets}
     * distinct parameter sets (30: all distinct).
     */
    private Path effectSweep(String name, int sets) throws java.io.IOException {
        int points = 30;
        StringBuilder csv = new StringBuilder("run_id,point_id,strategy,replicate,seed,status,error,"
                + "police.interception_efficiency,demand.bride_propensity,women_rescued,children_rescued\n");
        for (int i = 0; i < points; i++) {
            // Two Latin-hypercube-like columns: each a permutation of the 30 strata.
            int j = i % sets;
            double stopping = ((j * 7) % points + 0.5) / points;
            double demand = ((j * 11) % points + 0.5) / points;
            for (int rep = 1; rep <= 2; rep++) {
                int seed = 100 * i + rep;
                double base = 1000 * (1 + demand) * (1 + 0.1 * Math.sin(seed));
                double treated = base * (1 - 0.3 * stopping) * (1 + 0.005 * Math.sin(3.0 * seed));
                for (String[] run : new String[][] {{"base", Double.toString(base)}, {"police", Double.toString(treated)}}) {
                    csv.append(String.format(java.util.Locale.ROOT, "p%d-%s-%d,%d,%s,%d,%d,ok,,%s,%s,%s,%s%n", i + 1, run[0],
                            rep, i + 1, run[0], rep, seed, stopping, demand, run[1], 50));
                }
            }
        }
        Path dir = tmp.resolve(name);
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.writeString(dir.resolve("runs.csv"), csv.toString());
        java.nio.file.Files.writeString(dir.resolve("sweep.json"), """
                {"name": "effect", "design": {"kind": "lhs", "samples": 30, "seed": 1, "parameters": {
                  "police.interception_efficiency": [0, 1], "demand.bride_propensity": [0, 1]}}}
                """);
        java.nio.file.Files.writeString(dir.resolve("datapackage.json"), SyntheticSweep.datapackage(name,
                List.of("police.interception_efficiency", "demand.bride_propensity"),
                List.of("women_rescued", "children_rescued")));
        return dir;
    }

    private static double prcc(Results r, String strategy, String measure, String parameter) {
        return r.sensitivity().stream().filter(s -> s.strategy().equals(strategy) && s.measure().name().equals(measure)
                && s.parameter().name().equals(parameter)).findFirst().orElseThrow().coefficient().prcc();
    }
}
