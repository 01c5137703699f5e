package org.crackdown.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

import org.crackdown.analysis.stats.Prim;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The robust comparison on a sweep over posterior draws made up with a known answer: strategy
 * "push" adds 10 rescues where parameter a > 0.4 and loses 5 elsewhere (b does not matter);
 * strategy "same" changes nothing. Run noise is N(0, 2) on top of a baseline that varies by
 * draw and replicate (what paired seeds cancel).
 */
@Tag("slow")
class RobustnessTest {

    static final int DRAWS = 60;
    static final int REPLICATES = 3;

    @TempDir
    static Path dir;
    static Results results;
    static double[] a = new double[DRAWS];
    static Analyzer.Outcome outcome;

    static double effect(double a) {
        return a > 0.4 ? 10 : -5;
    }

    @BeforeAll
    static void analyse() throws Exception {
        Random rnd = new Random(3);
        StringBuilder csv = new StringBuilder("run_id,point_id,strategy,replicate,seed,status,error,draw,a,b,rescues\n");
        double[] b = new double[DRAWS];
        for (int d = 0; d < DRAWS; d++) {
            a[d] = Math.round(rnd.nextDouble() * 1e4) / 1e4;
            b[d] = Math.round(rnd.nextDouble() * 1e4) / 1e4;
        }
        for (int d = 0; d < DRAWS; d++) {
            double drawLevel = 200 + 40 * a[d] + 30 * b[d];
            for (String s : new String[] {"baseline", "push", "same"}) {
                for (int r = 1; r <= REPLICATES; r++) {
                    double luck = 15 * Math.sin(7.3 * r + d); // shared by the strategies of a replicate
                    double v = drawLevel + luck + (s.equals("push") ? effect(a[d]) + 2 * rnd.nextGaussian() : 0)
                            + (s.equals("same") ? 2 * rnd.nextGaussian() : 0);
                    String point = String.format(Locale.ROOT, "p%04d", d + 1);
                    csv.append(String.format(Locale.ROOT, "%s-%s-r%d,%s,%s,%d,%d,completed,,%d,%s,%s,%.4f%n", point, s, r,
                            point, s, r, 1000 * d + r, d + 1, a[d], b[d], v));
                }
            }
        }
        Path in = Files.createDirectories(dir.resolve("sweep"));
        Files.writeString(in.resolve("runs.csv"), csv.toString());
        Files.writeString(in.resolve("datapackage.json"), """
                {"profile": "tabular-data-package", "name": "posterior-synthetic",
                 "resources": [{"name": "runs", "path": "runs.csv", "schema": {"fields": [
                   {"name": "run_id", "type": "string", "role": "id"},
                   {"name": "point_id", "type": "string", "role": "id"},
                   {"name": "strategy", "type": "string", "role": "id"},
                   {"name": "replicate", "type": "integer", "role": "id"},
                   {"name": "seed", "type": "integer", "role": "id"},
                   {"name": "status", "type": "string", "role": "id"},
                   {"name": "error", "type": "string", "role": "id"},
                   {"name": "draw", "type": "integer", "role": "id"},
                   {"name": "a", "type": "number", "role": "parameter"},
                   {"name": "b", "type": "number", "role": "parameter"},
                   {"name": "rescues", "type": "number", "role": "measure", "unit": "victims"}
                 ]}}]}
                """);
        Files.writeString(in.resolve("sweep.json"), "{\"name\": \"posterior-synthetic\", \"design\": {\"type\": "
                + "\"posterior\"}}");
        StringWriter log = new StringWriter();
        outcome = Analyzer.run(AnalysisRequest.of(java.util.List.of(in)).withOut(dir.resolve("out"), false), "test",
                new PrintWriter(log, true));
        results = outcome.results();
    }

    static Robustness.Row row(String strategy) {
        return results.robust().rows().stream().filter(r -> r.strategy().equals(strategy)
                && r.measure().name().equals("rescues")).findFirst().orElseThrow();
    }

    @Test
    void theDifferenceIsSplitIntoParameterUncertaintyAndRunNoise() {
        Robustness.Row push = row("push");
        double[] true_ = new double[DRAWS];
        for (int d = 0; d < DRAWS; d++) {
            true_[d] = effect(a[d]);
        }
        double mean = java.util.Arrays.stream(true_).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(true_).map(x -> (x - mean) * (x - mean)).sum() / (DRAWS - 1));
        // The run noise is N(0, 2) (the baseline's luck is shared and cancels).
        assertEquals(2, push.difference().sdWithin(), 0.5);
        // Between draws: the SD of the effect itself (about 7), within the estimate's error (~0.7).
        assertEquals(sd, push.difference().sdBetween(), 1.5);
        assertEquals(mean, push.difference().mean(), 0.8);
        assertTrue(push.difference().ci().contains(mean));
        // Nothing between draws for a strategy that changes nothing.
        assertTrue(row("same").difference().sdBetween() < 1, "" + row("same").difference().sdBetween());
        assertEquals(DRAWS, push.difference().draws());
        assertEquals(DRAWS * REPLICATES, push.difference().values());
    }

    @Test
    void shareBetterAndRegretFollowTheKnownEffect() {
        long better = java.util.Arrays.stream(a).filter(x -> x > 0.4).count();
        assertEquals((double) better / DRAWS, row("push").shareBetter(), 1.0 / DRAWS + 1e-9);
        // Regret of push: 5 where it loses (same and baseline do ~0), ~0 where it wins.
        double expectedPush = 5.0 * (DRAWS - better) / DRAWS;
        assertEquals(expectedPush, row("push").regretMean(), 1.0);
        // The baseline loses 10 where push wins.
        assertEquals(10.0 * better / DRAWS, row("baseline").regretMean(), 1.0);
        assertNull(row("baseline").difference());
        assertTrue(row("push").regretMax() >= row("push").regretP90());
    }

    @Test
    void primFindsWherePushFailsAndSaysSoInPlainWords() {
        Robustness.Discovery d = results.robust().discoveries().stream().filter(x -> x.strategy().equals("push"))
                .findFirst().orElseThrow();
        Prim.Box box = d.prim().box();
        int ja = d.inputs().stream().map(f -> f.name()).toList().indexOf("a");
        int jb = 1 - ja;
        // Fails exactly where a <= 0.4: the box's upper end of a is near 0.4 (draws are sparse: 0.1).
        assertEquals(0.4, box.high()[ja], 0.1, d.sentence());
        assertTrue(box.low()[ja] <= d.prim().dataMin()[ja] + 1e-12, d.sentence());
        assertTrue(box.density() > 0.9 && box.coverage() > 0.8, d.sentence());
        // b does not matter: not restricted, or barely.
        assertTrue(box.low()[jb] <= 0.15 && box.high()[jb] >= 0.85, d.sentence());
        assertTrue(d.sentence().contains("a is at most"), d.sentence());
        assertTrue(d.sentence().contains("(density, against") && d.sentence().contains("(coverage)"), d.sentence());
        // "same" beats the baseline in about half of the draws by noise alone: PRIM runs, and must not
        // claim a region much purer than that.
        results.robust().discoveries().stream().filter(x -> x.strategy().equals("same")).findFirst()
                .ifPresent(s -> assertTrue(s.prim().box().density() < 0.9, s.sentence()));
    }

    @Test
    void theReportTablesAndFiguresShowIt() throws Exception {
        Path out = dir.resolve("out");
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Robustness over parameter uncertainty"));
        assertTrue(html.contains("a is at most"));
        assertTrue(Files.exists(out.resolve("figures/prim-push.svg")));
        assertTrue(Files.exists(out.resolve("figures/prim-trajectory-push.png")));
        String robust = Files.readString(out.resolve("robust_comparison.csv"));
        assertTrue(robust.startsWith("strategy,measure,unit,better,draws,pairs,mean_difference,ci_low,ci_high,"
                + "sd_between_draws,sd_within_draws"), robust);
        String prim = Files.readString(out.resolve("scenario_discovery.csv"));
        assertTrue(prim.contains("push,rescues,0,false," + DRAWS + ",1,"), prim);
        assertTrue(prim.contains("push,rescues,pasted,true"), prim);
        assertNotNull(outcome.findings().robust());
        assertTrue(outcome.findings().robust().stream().anyMatch(s -> s.startsWith("push minus baseline")),
                outcome.findings().robust().toString());
    }

    @Test
    void aGridIsNotTreatedAsDraws() throws Exception {
        // The same kind of data labelled as a grid: the points are choices, not draws of belief.
        Path in = dir.resolve("sweep");
        Path grid = Files.createDirectories(dir.resolve("grid"));
        for (String f : new String[] {"runs.csv", "datapackage.json"}) {
            Files.copy(in.resolve(f), grid.resolve(f));
        }
        Files.writeString(grid.resolve("sweep.json"), "{\"name\": \"g\", \"design\": {\"type\": \"grid\"}}");
        Analyzer.Outcome o = Analyzer.run(AnalysisRequest.of(java.util.List.of(grid)).withOut(dir.resolve("gout"), false)
                .withFigures(false), "test", new PrintWriter(new StringWriter(), true));
        assertTrue(!o.results().robust().present());
    }
}
