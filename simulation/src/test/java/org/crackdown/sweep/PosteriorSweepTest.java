package org.crackdown.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.crackdown.scenario.ScenarioException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps over posterior draws ({@code parameters: {posterior: FILE, draws: N}}): every strategy
 * meets the same draws and seeds, the draws follow the weights, and shards or a resume give the
 * runs.csv of the sweep run in one go.
 */
class PosteriorSweepTest {

    /** Four particles, one of weight 0 (it must never be drawn). Keys the tiny scenario accepts. */
    static final String POSTERIOR = """
            particle,demand.bride_propensity,police.investigation_efficiency,weight,distance,some_target,model_seed
            1,0.1,1.5,0.5,1.2,10,11
            2,0.2,0.8,0.3,2.5,12,12
            3,0.3,2.5,0.2,0.7,9,13
            4,0.4,1,0,9,8,14
            """;

    @TempDir
    static Path root;
    static SweepPlan plan;
    static Path whole;

    @BeforeAll
    static void sweepOnce() throws Exception {
        Files.writeString(root.resolve("posterior.csv"), POSTERIOR);
        plan = SweepPlan.load(sweep(root, "post", 5, ""));
        whole = root.resolve("whole");
        new SweepRunner(plan, whole, Shard.ALL, 2, RunExecutor.MODEL).run(SweepFolder.Mode.NEW,
                SweepRunner.Listener.NONE, new AtomicBoolean());
    }

    /** 5 draws x 2 strategies x 2 replicates = 20 fast runs. */
    static Path sweep(Path dir, String name, int draws, String extra) throws Exception {
        return SweepFiles.write(dir, name, SweepFiles.FAST_SET
                + "replicates: 2\n"
                + "parameters: {posterior: posterior.csv, draws: " + draws + "}\n"
                + "strategies:\n"
                + "  baseline: {}\n"
                + "  double-police: {police.budget: 2}\n"
                + extra);
    }

    static List<CSVRecord> rows(Path runsCsv) throws Exception {
        return CSVFormat.DEFAULT.builder().setHeader().get().parse(Files.newBufferedReader(runsCsv)).getRecords();
    }

    @Test
    void everyStrategyMeetsTheSameDrawsAndSeeds() throws Exception {
        List<CSVRecord> rows = rows(whole.resolve("runs.csv"));
        assertEquals(20, rows.size());
        Map<String, String> seen = new HashMap<>(); // draw and replicate -> particle, values, seed
        Set<String> seeds = new HashSet<>();
        for (CSVRecord r : rows) {
            assertEquals("completed", r.get("status"), r.toString());
            assertEquals(r.get("point_id"), String.format("p%04d", Integer.parseInt(r.get("draw"))));
            String key = r.get("draw") + "/" + r.get("replicate");
            String what = r.get("particle") + "," + r.get("demand.bride_propensity") + ","
                    + r.get("police.investigation_efficiency") + "," + r.get("seed");
            String other = seen.putIfAbsent(key, what);
            if (other != null) {
                assertEquals(other, what, "draw/replicate " + key + " differs between strategies");
            }
            seeds.add(r.get("seed"));
            // The values are the particle's, exactly as posterior.csv wrote them.
            String[] particle = POSTERIOR.lines().filter(l -> l.startsWith(r.get("particle") + ",")).findFirst()
                    .orElseThrow().split(",");
            assertEquals(particle[1], r.get("demand.bride_propensity"));
            assertEquals(particle[2], r.get("police.investigation_efficiency"));
            assertNotEquals("4", r.get("particle"), "a particle of weight 0 was drawn");
        }
        assertEquals(10, seen.size());
        // Paired seeds: one per draw and replicate (shared by the strategies), so even a particle drawn
        // twice is run with other seeds the second time.
        assertEquals(10, seeds.size());
    }

    @Test
    void drawSelectionFollowsTheWeights() throws Exception {
        // Chi-square goodness of fit of 20000 draws to the weights, for three seeds of the draws; a
        // wrong rule (uniform, or off by one particle) gives a statistic in the thousands.
        double[] w = {0.5, 0.3, 0.2, 0};
        double critical = new ChiSquaredDistribution(2).inverseCumulativeProbability(0.999);
        for (long seed : new long[] {1, 2, 3}) {
            int n = 20_000;
            int[] counts = new int[w.length];
            for (int i : PosteriorDraws.pick(w, n, seed)) {
                counts[i]++;
            }
            assertEquals(0, counts[3], "weight 0 drawn, seed " + seed);
            double chi2 = 0;
            for (int i = 0; i < 3; i++) {
                double expected = n * w[i];
                chi2 += (counts[i] - expected) * (counts[i] - expected) / expected;
            }
            assertTrue(chi2 < critical, "seed " + seed + ": chi2 " + chi2 + " >= " + critical + ", counts "
                    + java.util.Arrays.toString(counts));
        }
        // Through the sweep file: the design points are these draws, seeded by the seed base (default 1).
        SweepPlan many = SweepPlan.load(sweep(root, "many", 60, ""));
        int[] expected = PosteriorDraws.pick(w, 60, 1);
        for (int p = 0; p < many.points().size(); p++) {
            assertEquals(Integer.toString(expected[p] + 1), many.spec().posterior().particleOf(p));
        }
        SweepPlan again = SweepPlan.load(sweep(root, "again", 60, ""));
        assertEquals(many.points(), again.points(), "the same file draws the same points");
        SweepPlan reseeded = SweepPlan.load(sweep(root, "reseeded", 60, "seeds: {base: 7}\n"));
        assertNotEquals(many.points(), reseeded.points(), "another seed base draws other points");
    }

    @Test
    @Tag("slow")
    void shardsMergedAndAResumeGiveTheSameRunsCsv() throws Exception {
        List<Path> shards = List.of(root.resolve("s/0"), root.resolve("s/1"));
        for (int i = 0; i < 2; i++) {
            new SweepRunner(plan, shards.get(i), new Shard(i, 2), 1, RunExecutor.MODEL).run(SweepFolder.Mode.NEW,
                    SweepRunner.Listener.NONE, new AtomicBoolean());
        }
        Path merged = root.resolve("merged");
        ShardMerger.merge(merged, shards);
        SweepRunnerTest.assertSameFile(whole.resolve("runs.csv"), merged.resolve("runs.csv"));
        SweepRunnerTest.assertSameFile(whole.resolve("datapackage.json"), merged.resolve("datapackage.json"));

        Path resumed = root.resolve("resumed");
        AtomicBoolean cancel = new AtomicBoolean();
        SweepRunner.Outcome first = new SweepRunner(plan, resumed, Shard.ALL, 1, RunExecutor.MODEL)
                .run(SweepFolder.Mode.NEW, (r, ok, done, failed) -> cancel.compareAndSet(false, done >= 7), cancel);
        assertTrue(first.interrupted());
        // A new plan, read again from the files, as `crackdown sweep --resume` does in a new process.
        SweepPlan reread = SweepPlan.load(plan.spec().file());
        assertEquals(plan.fingerprint(), reread.fingerprint());
        new SweepRunner(reread, resumed, Shard.ALL, 2, RunExecutor.MODEL).run(SweepFolder.Mode.RESUME,
                SweepRunner.Listener.NONE, new AtomicBoolean());
        SweepRunnerTest.assertSameFile(whole.resolve("runs.csv"), resumed.resolve("runs.csv"));
    }

    @Test
    void aChangedPosteriorChangesTheFingerprint() throws Exception {
        Path dir = Files.createDirectories(root.resolve("changed"));
        Files.writeString(dir.resolve("posterior.csv"), POSTERIOR);
        String before = SweepPlan.load(sweep(dir, "c", 5, "")).fingerprint();
        Files.writeString(dir.resolve("posterior.csv"), POSTERIOR.replace("1,0.1,1.5,0.5", "1,0.1,1.5,0.6"));
        assertNotEquals(before, SweepPlan.load(sweep(dir, "c", 5, "")).fingerprint());
    }

    @Test
    void theDataPackageAndSweepJsonSayWhatWasDrawn() throws Exception {
        var fields = SweepRunnerTest.json(whole.resolve("datapackage.json")).path("resources").get(0).path("schema")
                .path("fields");
        List<String> idFields = new java.util.ArrayList<>();
        fields.forEach(f -> {
            if (f.path("role").asText().equals("id")) {
                idFields.add(f.path("name").asText());
            }
        });
        assertTrue(idFields.containsAll(List.of("draw", "particle")), idFields.toString());
        var json = SweepRunnerTest.json(whole.resolve("sweep.json"));
        assertEquals("posterior", json.path("design").path("type").asText());
        assertEquals(5, json.path("design").path("posterior").path("draws").asInt());
        assertEquals("paired", json.path("seeds").path("policy").asText());
        assertEquals(plan.spec().posterior().particleOf(0), json.path("points").get(0).path("particle").asText());
    }

    @Test
    void mistakesAreReportedAtTheirPlace() throws Exception {
        Path dir = Files.createDirectories(root.resolve("bad"));
        Files.writeString(dir.resolve("posterior.csv"), POSTERIOR);
        Files.writeString(dir.resolve("notparams.csv"), "particle,no.such_key,weight\n1,2,1\n");
        Files.writeString(dir.resolve("negative.csv"), "particle,demand.bride_propensity,weight\n1,0.1,-1\n");
        assertProblem(dir, "parameters: {posterior: missing.csv, draws: 3}\n", "no such file 'missing.csv'");
        assertProblem(dir, "parameters: {posterior: notparams.csv, draws: 3}\n", "notparams.csv:1:2: column "
                + "'no.such_key' is not a parameter key");
        assertProblem(dir, "parameters: {posterior: negative.csv, draws: 3}\n", "negative.csv:2:3: weight");
        assertProblem(dir, "parameters: {posterior: posterior.csv, draws: 0}\n", "parameters.draws");
        assertProblem(dir, "parameters: {posterior: posterior.csv, drawz: 3}\n", "draws");
        assertProblem(dir, "parameters: {posterior: posterior.csv, draws: 3}\nvary: {births.srb_shift: [0, 1]}\n",
                "vary: a sweep over posterior draws");
        assertProblem(dir, "parameters: {posterior: posterior.csv, draws: 3}\nseeds: {policy: independent}\n",
                "seeds.policy: independent");
        assertProblem(dir, "parameters: {posterior: posterior.csv, draws: 3}\nstrategies: {a: {}, b: "
                + "{demand.bride_propensity: 0.2}}\n", "demand.bride_propensity is also varied");
        assertProblem(dir, "design: posterior\n", "design: posterior is not chosen here");
    }

    private static void assertProblem(Path dir, String body, String expected) throws Exception {
        Path f = SweepFiles.write(dir, "bad", SweepFiles.FAST_SET + body);
        ScenarioException e = assertThrows(ScenarioException.class, () -> SweepPlan.load(f), body);
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in:\n" + e.getMessage());
        assertTrue(e.getMessage().matches("(?s).*:\\d+:\\d+: .*"), "with a place: " + e.getMessage());
    }
}
